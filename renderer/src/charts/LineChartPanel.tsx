import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetricKeyInfo } from '../../../shared/domain';
import { useAppStore } from '../store/appStore';
import { useLiveStore } from '../store/liveStore';
import { selectTheme } from '../store/selectors';
import { useZoomStore } from '../store/zoomStore';
import { ChartHeader } from './ChartHeader';
import { buildLineOption, CHART_PALETTES, stepExtent, type ChartRun } from './chartOption';
import { EChart } from './EChart';
import { tooltipHtml } from './tooltip';
import { useChartRunColors } from './useChartRunColors';
import { useChartRuns } from './useChartRuns';
import { useElementWidth } from './useElementWidth';
import { useInView } from './useInView';
import { useSeries } from './useSeries';

/** A chart of one line key: every visible run that has it, overlaid in the run's color. */
export function LineChartPanel({ info }: { info: MetricKeyInfo }) {
  const { t } = useTranslation();
  const key = info.key;
  const runs = useChartRuns(key);
  const colors = useChartRunColors();
  const theme = useAppStore(selectTheme);
  const revision = useLiveStore((s) => s.keyRevision[key] ?? 0);
  const zoom = useZoomStore((s) => s.windows[key] ?? null);
  const setZoomOf = useZoomStore((s) => s.setZoom);
  const setZoom = useCallback((w: [number, number] | null) => setZoomOf(key, w), [setZoomOf, key]);

  const body = useRef<HTMLDivElement>(null);
  const inView = useInView(body);
  const width = useElementWidth(body);
  const runIds = useMemo(() => runs.map((r) => r.info.id), [runs]);
  const base = useSeries({ key, runIds, width, range: null, revision, enabled: inView });
  const detail = useSeries({ key, runIds, width, range: zoom, revision, enabled: inView && zoom !== null });
  // zoomed: the window re-downsampled for this zoom (kept while live growth refetches it),
  // the whole series until it arrives
  const shown = zoom && detail.dataRange?.[0] === zoom[0] && detail.dataRange[1] === zoom[1] ? detail.data : base.data;

  const chartRuns = useMemo<ChartRun[]>(() => {
    const names = new Map(runs.map((r) => [r.info.id, r.info.name]));
    return (shown?.series ?? []).filter((s) => names.has(s.runId)).map((s) => ({
      runId: s.runId, name: names.get(s.runId)!, color: colors.get(s.runId) ?? '#888', steps: s.steps, values: s.values,
    }));
  }, [shown, runs, colors]);

  const stepLabel = t('chart.step');
  const option = useMemo(() => buildLineOption({
    runs: chartRuns,
    extent: stepExtent(base.data?.series ?? []),
    zoom,
    palette: CHART_PALETTES[theme],
    tooltip: (params) => {
      const first = Array.isArray(params) ? params[0] : params;
      const step = (first as { axisValue?: number } | undefined)?.axisValue;
      return typeof step === 'number' ? tooltipHtml(step, chartRuns, stepLabel) : '';
    },
  }), [chartRuns, base.data, zoom, theme, stepLabel]);

  const total = base.data?.series.reduce((n, s) => n + s.total, 0);
  const refining = shown?.series.some((s) => s.preview) ?? false;
  const error = base.error ?? detail.error;
  return (
    <div
      className="chart-panel"
      data-testid="chart-panel"
      data-metric-key={key}
      data-series-count={base.data ? chartRuns.length : undefined}
      data-point-total={total}
      data-zoomed={zoom ? 'true' : undefined}
      data-preview={refining ? 'true' : undefined}
    >
      <ChartHeader info={info} zoomed={zoom !== null} refining={refining} onResetZoom={() => setZoom(null)} />
      <div ref={body} className="chart-body">
        {error ? (
          <div className="chart-note chart-error">{t('chart.loadError', { message: error })}</div>
        ) : base.data && chartRuns.length === 0 ? (
          <div className="chart-note">{t('chart.noData')}</div>
        ) : inView && base.data ? (
          <EChart option={option} onZoom={setZoom} />
        ) : (
          <div className={`chart-skeleton${inView ? ' loading' : ''}`} />
        )}
      </div>
    </div>
  );
}
