import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/appStore';
import { IconButton } from '../ui/IconButton';
import { EyeIcon, EyeOffIcon, PinIcon } from '../ui/icons';
import type { ChartModel } from '../../../shared/chartSections';

interface Props {
  chart: ChartModel;
  zoomed: boolean;
  /** Some runs are shown from a coarse preview while their series is read. */
  refining?: boolean;
  onResetZoom(): void;
}

/** Title and actions of a chart: reset zoom, pin to top, hide (of the whole group for a group). */
export function ChartHeader({ chart, zoomed, refining = false, onResetZoom }: Props) {
  const { t } = useTranslation();
  const pinned = useAppStore((s) => s.ui.pinned.includes(chart.id));
  const hidden = useAppStore((s) => s.ui.hidden.includes(chart.id));
  const togglePinned = useAppStore((s) => s.togglePinned);
  const toggleHidden = useAppStore((s) => s.toggleHiddenChart);
  const only = chart.keys[0];
  const title = chart.group ?? only.displayName ?? only.key;
  const hover = chart.group !== null
    ? [chart.group, ...chart.keys.map((k) => k.key)].join('\n')
    : only.displayName ? `${only.displayName}\n${only.key}` : only.key;
  return (
    <div className="chart-header">
      <span className="chart-title" title={hover}>{title}</span>
      {refining && (
        <span className="chart-refining" data-testid="chart-refining" title={t('chart.refiningHint')}>
          {t('chart.refining')}
        </span>
      )}
      <span className="chart-actions">
        <span className="icon-btn chart-help" data-testid="chart-help" role="img" aria-label={t('chart.zoomHelp')} title={t('chart.zoomHelp')}>?</span>
        {zoomed && (
          <IconButton data-testid="chart-reset-zoom" label={t('chart.resetZoom')} onClick={onResetZoom}>⟲</IconButton>
        )}
        <IconButton data-testid="chart-pin" active={pinned} aria-pressed={pinned} label={pinned ? t('chart.unpin') : t('chart.pin')} onClick={() => togglePinned(chart.id)}>
          <PinIcon />
        </IconButton>
        <IconButton data-testid="chart-hide" active={hidden} aria-pressed={hidden} label={hidden ? t('chart.unhide') : t('chart.hide')} onClick={() => toggleHidden(chart.id)}>
          {hidden ? <EyeIcon /> : <EyeOffIcon />}
        </IconButton>
      </span>
    </div>
  );
}
