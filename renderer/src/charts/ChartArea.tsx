import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunView } from '../../../shared/contract';
import type { MetricKeyInfo } from '../../../shared/domain';
import { MediaSection } from '../media/MediaSection';
import { useAppStore } from '../store/appStore';
import { LineChartPanel } from './LineChartPanel';
import { Section } from './Section';
import { useChartRuns } from './useChartRuns';
import { buildSections } from '../../../shared/chartSections';
import './charts.css';

const NO_RUNS: RunView[] = [];

function MediaOfKey({ info }: { info: MetricKeyInfo }) {
  const runs = useChartRuns(info.key);
  const runIds = useMemo(() => runs.map((r) => r.info.id), [runs]);
  return <MediaSection keyInfo={info} runIds={runIds} />;
}

/** Every section of charts, top to bottom (see buildSections). */
export function ChartArea() {
  const { t } = useTranslation();
  const runs = useAppStore((s) => s.workspace?.runs ?? NO_RUNS);
  const ui = useAppStore((s) => s.ui);
  const sections = useMemo(() => buildSections(runs, ui), [runs, ui]);

  if (sections.length === 0) return <div className="chart-area-empty">{t('sections.noCharts')}</div>;
  return (
    <div className="chart-sections">
      {sections.map((section) => (
        <Section key={`${section.kind}:${section.id}`} section={section}>
          {section.charts.length > 0 && (
            <div className="chart-grid">
              {section.charts.map((chart) => <LineChartPanel key={chart.id} chart={chart} />)}
            </div>
          )}
          {section.media.map((info) => <MediaOfKey key={info.key} info={info} />)}
        </Section>
      ))}
    </div>
  );
}
