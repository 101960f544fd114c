import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunView } from '../../../shared/contract';
import { useAppStore } from '../store/appStore';
import { useLiveStore } from '../store/liveStore';
import { selectSourceId, selectTheme, selectVisibleRunsByKey } from '../store/selectors';
import { useZoomStore } from '../store/zoomStore';
import { useRunColors } from '../theme/useRunColors';
import { ChartHeader } from './ChartHeader';
import { chartLines, type KeyLines, type LegendItem } from './chartLines';
import { brushOption, buildLineOption, CHART_PALETTES, stepExtent } from './chartOption';
import { EChart } from './EChart';
import type { ChartModel } from '../../../shared/chartSections';
import { tooltipHtml } from './tooltip';
import { useElementWidth } from './useElementWidth';
import { useInView } from './useInView';
import { useSeriesList, type SeriesRequest } from './useSeries';

const NONE: RunView[] = [];

/** `xs`, or the array returned last time when it holds the same items (for memo dependencies). */
function useSameArray<T>(xs: T[]): T[] {
  const last = useRef(xs);
  if (last.current.length !== xs.length || last.current.some((x, i) => x !== xs[i])) last.current = xs;
  return last.current;
}

function Legend({ items }: { items: LegendItem[] }) {
  return (
    <div className="chart-legend" data-testid="chart-legend">
      {items.map((it) => (
        <span key={it.key} className="chart-legend-item" data-testid="chart-legend-item" data-key={it.key} title={it.key}>
          <span
            className="chart-legend-mark"
            style={it.dash ? { borderTopStyle: it.dash } : { borderTopColor: it.color ?? undefined }}
          />
          {it.label}
        </span>
      ))}
    </div>
  );
}

/**
 * A line chart: every visible run that has the key, overlaid in the run's colour; for a group
 * of system keys (ChartModel.group) one line per key per run, each key asked for separately.
 */
export function LineChartPanel({ chart }: { chart: ChartModel }) {
  const { t } = useTranslation();
  const keys = chart.keys;
  const byKey = useAppStore(selectVisibleRunsByKey);
  const runsOfKey = useMemo(() => keys.map((k) => byKey.get(k.key) ?? NONE), [keys, byKey]);
  const colors = useRunColors();
  const theme = useAppStore(selectTheme);
  // one string, so the selector result compares by value
  const revisions = useLiveStore((s) => keys.map((k) => s.keyRevision[k.key] ?? 0).join(','));
  const zoom = useZoomStore((s) => s.windows[chart.id] ?? null);
  const setZoomOf = useZoomStore((s) => s.setZoom);
  const setZoom = useCallback((w: [number, number] | null) => setZoomOf(chart.id, w), [setZoomOf, chart.id]);

  const body = useRef<HTMLDivElement>(null);
  const inView = useInView(body);
  const width = useElementWidth(body);
  const source = useAppStore(selectSourceId);
  const requests = useMemo(() => {
    const rev = revisions.split(',').map(Number);
    return keys.map((k, i): SeriesRequest => ({
      source, key: k.key, runIds: runsOfKey[i].map((r) => r.info.id), width, range: null, revision: rev[i], enabled: inView,
    }));
  }, [keys, runsOfKey, source, width, revisions, inView]);
  const base = useSeriesList(requests);
  const detail = useSeriesList(requests.map((r) => ({ ...r, range: zoom, enabled: r.enabled && zoom !== null })));
  // zoomed: the window re-downsampled for this zoom (kept while live growth refetches it),
  // the whole series until it arrives
  const shown = useSameArray(base.map((b, i) => {
    const d = detail[i];
    return zoom && d.dataRange?.[0] === zoom[0] && d.dataRange[1] === zoom[1] ? d.data : b.data;
  }));
  const whole = useSameArray(base.map((b) => b.data));
  const loaded = whole.every((d) => d !== null);

  const { lines, legend } = useMemo(() => {
    const names = new Map(runsOfKey.flat().map((r) => [r.info.id, r.info.name]));
    const perKey: KeyLines[] = keys.map((k, i) => ({ key: k.key, label: k.displayName ?? k.key, series: shown[i]?.series ?? [] }));
    return chartLines(perKey, names, colors);
  }, [shown, keys, runsOfKey, colors]);

  const stepLabel = t('chart.step');
  const extent = useMemo(() => stepExtent(whole.flatMap((d) => d?.series ?? [])), [whole]);
  const option = useMemo(() => buildLineOption({
    runs: lines,
    extent,
    zoom,
    palette: CHART_PALETTES[theme],
    tooltip: (params) => {
      const first = Array.isArray(params) ? params[0] : params;
      const step = (first as { axisValue?: number } | undefined)?.axisValue;
      return typeof step === 'number' ? tooltipHtml(step, lines, stepLabel) : '';
    },
  }), [lines, extent, zoom, theme, stepLabel]);
  const brush = useMemo(() => brushOption(CHART_PALETTES[theme]), [theme]);

  const total = loaded ? whole.reduce((n, d) => n + d!.series.reduce((m, s) => m + s.total, 0), 0) : undefined;
  const error = [...base, ...detail].find((s) => s.error)?.error ?? null;
  const refining = shown.some((d) => d?.series.some((s) => s.preview) ?? false);
  return (
    <div
      className="chart-panel"
      data-testid="chart-panel"
      data-metric-key={chart.id}
      data-metric-keys={chart.group !== null ? keys.map((k) => k.key).join(' ') : undefined}
      data-series-count={loaded ? lines.length : undefined}
      data-point-total={total}
      data-zoomed={zoom ? 'true' : undefined}
      data-preview={refining ? 'true' : undefined}
    >
      <ChartHeader chart={chart} zoomed={zoom !== null} refining={refining} onResetZoom={() => setZoom(null)} />
      {legend.length > 0 && <Legend items={legend} />}
      <div ref={body} className="chart-body">
        {error ? (
          <div className="chart-note chart-error">{t('chart.loadError', { message: error })}</div>
        ) : loaded && lines.length === 0 ? (
          <div className="chart-note">{t('chart.noData')}</div>
        ) : inView && loaded ? (
          <EChart option={option} brush={brush} onZoom={setZoom} />
        ) : (
          <div className={`chart-skeleton${inView ? ' loading' : ''}`} />
        )}
      </div>
    </div>
  );
}
