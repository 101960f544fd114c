import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunView } from '../../../shared/contract';
import type { MetricKeyInfo } from '../../../shared/domain';
import { MediaSection } from '../media/MediaSection';
import { useAppStore } from '../store/appStore';
import { selectVisibleRuns } from '../store/selectors';
import { LineChartPanel } from './LineChartPanel';
import { Section } from './Section';
import { buildSections } from './sections';
import './charts.css';

const NO_RUNS: RunView[] = [];

function MediaOfKey({ info, runs }: { info: MetricKeyInfo; runs: RunView[] }) {
  const runIds = useMemo(() => runs.filter((r) => r.keys.some((k) => k.key === info.key)).map((r) => r.info.id), [runs, info.key]);
  return <MediaSection keyInfo={info} runIds={runIds} />;
}

/** Every section of charts, top to bottom (see buildSections). */
export function ChartArea() {
  const { t } = useTranslation();
  const runs = useAppStore((s) => s.workspace?.runs ?? NO_RUNS);
  const ui = useAppStore((s) => s.ui);
  const visible = useAppStore(selectVisibleRuns);
  const sections = useMemo(() => buildSections(runs, ui), [runs, ui]);

  if (sections.length === 0) return <div className="chart-area-empty">{t('sections.noCharts')}</div>;
  return (
    <div className="chart-sections">
      {sections.map((section) => (
        <Section key={section.id} section={section}>
          {section.charts.length > 0 && (
            <div className="chart-grid">
              {section.charts.map((info) => <LineChartPanel key={info.key} info={info} />)}
            </div>
          )}
          {section.media.map((info) => <MediaOfKey key={info.key} info={info} runs={visible} />)}
        </Section>
      ))}
    </div>
  );
}
