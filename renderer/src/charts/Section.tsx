import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/appStore';
import { ChevronIcon } from '../ui/icons';
import { foldEntry, isFolded, type SectionModel } from '../../../shared/chartSections';

const TITLE_KEYS: Partial<Record<string, string>> = {
  pinned: 'sections.pinned', hidden: 'sections.hidden', system: 'sections.system', default: 'sections.default',
};

function useSectionTitle(section: SectionModel): string {
  const { t } = useTranslation();
  const known = section.kind === 'namespace' || section.kind === 'media' ? section.id === 'default' : true;
  const titleKey = TITLE_KEYS[section.kind === 'system' ? 'system' : section.id];
  return known && titleKey ? t(titleKey) : section.id;
}

/** A foldable group of charts; its body is not rendered while folded. */
export function Section({ section, children }: { section: SectionModel; children: ReactNode }) {
  const { t } = useTranslation();
  const folded = useAppStore((s) => isFolded(s.ui, section));
  const toggleFolded = useAppStore((s) => s.toggleFolded);
  const title = useSectionTitle(section);
  return (
    <section className={`section section-${section.kind}`} data-testid="section" data-section={section.id} data-folded={folded}>
      <button
        type="button"
        className="section-header"
        data-testid="section-toggle"
        aria-expanded={!folded}
        title={folded ? t('sections.unfold') : t('sections.fold')}
        onClick={() => toggleFolded(foldEntry(section))}
      >
        <ChevronIcon open={!folded} />
        <span className="section-title">{title}</span>
        <span className="section-count">
          {[
            section.charts.length > 0 && t('sections.charts', { count: section.charts.length }),
            section.media.length > 0 && t('sections.media', { count: section.media.length }),
          ].filter(Boolean).join(' · ')}
        </span>
      </button>
      {!folded && <div className="section-body">{children}</div>}
    </section>
  );
}
