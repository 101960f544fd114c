import { useTranslation } from 'react-i18next';
import type { MetricKeyInfo } from '../../../shared/domain';
import { useAppStore } from '../store/appStore';
import { EyeIcon, EyeOffIcon, PinIcon } from '../ui/icons';

interface Props {
  info: MetricKeyInfo;
  zoomed: boolean;
  /** Some runs are shown from a coarse preview while their series is read. */
  refining?: boolean;
  onResetZoom(): void;
}

/** Title and actions of a chart: reset zoom, pin to top, hide. */
export function ChartHeader({ info, zoomed, refining = false, onResetZoom }: Props) {
  const { t } = useTranslation();
  const pinned = useAppStore((s) => s.ui.pinned.includes(info.key));
  const hidden = useAppStore((s) => s.ui.hidden.includes(info.key));
  const togglePinned = useAppStore((s) => s.togglePinned);
  const toggleHidden = useAppStore((s) => s.toggleHiddenChart);
  const title = info.displayName ?? info.key;
  return (
    <div className="chart-header">
      <span className="chart-title" title={info.displayName ? `${info.displayName}\n${info.key}` : info.key}>{title}</span>
      {refining && (
        <span className="chart-refining" data-testid="chart-refining" title={t('chart.refiningHint', { defaultValue: 'A coarse preview from sampled points; the exact curve replaces it once every point is read' })}>
          {t('chart.refining', { defaultValue: 'refining…' })}
        </span>
      )}
      <span className="chart-actions">
        {zoomed && (
          <button type="button" className="icon-btn" data-testid="chart-reset-zoom" title={t('chart.resetZoom')} onClick={onResetZoom}>⟲</button>
        )}
        <button
          type="button"
          className={`icon-btn${pinned ? ' active' : ''}`}
          data-testid="chart-pin"
          aria-pressed={pinned}
          title={pinned ? t('chart.unpin') : t('chart.pin')}
          onClick={() => togglePinned(info.key)}
        >
          <PinIcon />
        </button>
        <button
          type="button"
          className={`icon-btn${hidden ? ' active' : ''}`}
          data-testid="chart-hide"
          aria-pressed={hidden}
          title={hidden ? t('chart.unhide') : t('chart.hide')}
          onClick={() => toggleHidden(info.key)}
        >
          {hidden ? <EyeIcon /> : <EyeOffIcon />}
        </button>
      </span>
    </div>
  );
}
