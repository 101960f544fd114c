import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchBox } from '../ui/SearchBox';
import { branchIds, flattenConfig, visibleConfigRows } from './configTree';
import { HighlightedText } from './HighlightedText';

/** The run config as a tree: expand/collapse branches, search keys and values. */
export function ConfigTab({ config }: { config: Record<string, unknown> | null }) {
  const { t } = useTranslation();
  const all = useMemo(() => flattenConfig(config ?? {}), [config]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [term, setTerm] = useState('');
  const view = useMemo(() => visibleConfigRows(all, collapsed, term), [all, collapsed, term]);

  if (all.length === 0) return <p className="details-muted">{t('details.config.empty')}</p>;

  const toggle = (id: string) => {
    const next = new Set(collapsed);
    if (!next.delete(id)) next.add(id);
    setCollapsed(next);
  };
  const searching = term.trim() !== '';

  return (
    <div className="config-tab">
      <div className="details-toolbar">
        <SearchBox className="details-search" data-testid="config-search" label={t('details.config.search')} value={term} onChange={setTerm} />
        {searching && (
          <span className="log-match-info">
            <span data-testid="config-match-count">{view.matchCount}</span> {t('details.config.matches', { count: view.matchCount })}
          </span>
        )}
        <button type="button" className="text-button" disabled={searching} onClick={() => setCollapsed(new Set())}>
          {t('details.config.expandAll')}
        </button>
        <button type="button" className="text-button" disabled={searching} onClick={() => setCollapsed(new Set(branchIds(all)))}>
          {t('details.config.collapseAll')}
        </button>
      </div>
      <div className="config-tree" role="tree">
        {view.rows.map((r) => {
          const open = searching || !collapsed.has(r.id);
          return (
            <div
              key={r.id}
              className="config-row"
              role="treeitem"
              aria-expanded={r.value === null ? open : undefined}
              data-testid="config-row"
              style={{ paddingLeft: 8 + r.depth * 16 }}
            >
              {r.value === null ? (
                <button type="button" className="config-toggle" disabled={searching} onClick={() => toggle(r.id)} aria-label={open ? t('details.config.collapse') : t('details.config.expand')}>
                  {open ? '▾' : '▸'}
                </button>
              ) : (
                <span className="config-toggle" />
              )}
              <span className="config-key">
                <HighlightedText text={r.key} term={term} />
              </span>
              {r.value === null ? (
                <span className="config-count">{t('details.config.children', { count: r.childCount })}</span>
              ) : (
                <span className="config-value">
                  <HighlightedText text={r.value} term={term} />
                </span>
              )}
            </div>
          );
        })}
        {searching && view.rows.length === 0 && <p className="details-muted">{t('details.config.noMatch')}</p>}
      </div>
    </div>
  );
}
