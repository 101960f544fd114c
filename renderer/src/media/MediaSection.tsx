import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetricKeyInfo } from '../../../shared/domain';
import { useAppStore } from '../store/appStore';
import { useRunColors } from '../theme/useRunColors';
import { MediaItems } from './MediaItems';
import { StepSlider } from './StepSlider';
import { nextStepIndex, pointAtOrBefore, unionSteps } from './stepSlider';
import { useInView } from './useInView';
import { useMediaPoints } from './useMediaPoints';
import './media.css';

/** One media key (images, audio, text, ...) for several runs, at one step chosen with a slider. */
export function MediaSection({ keyInfo, runIds }: { keyInfo: MetricKeyInfo; runIds: string[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  const inView = useInView(ref);
  const { data, error } = useMediaPoints(keyInfo.key, runIds, inView);
  const runs = useAppStore((s) => s.workspace?.runs);
  const colors = useRunColors();
  const names = useMemo(() => new Map((runs ?? []).map((r) => [r.info.id, r.info.name])), [runs]);

  const steps = useMemo(() => unionSteps((data ?? []).map((r) => r.points)), [data]);
  // the user's pick, kept relative to the steps it was made on (see nextStepIndex)
  const [pick, setPick] = useState<{ steps: number[]; index: number } | null>(null);
  const index = pick ? nextStepIndex(pick.steps, pick.index, steps) : steps.length - 1;
  const step = steps[index];

  return (
    <section ref={ref} className="media-panel" data-testid="media-panel" data-metric-key={keyInfo.key} data-type={keyInfo.type}>
      <header className="media-header">
        <h3 title={keyInfo.key}>{keyInfo.displayName ?? keyInfo.key}</h3>
        <span className="media-type">{t(`media.type.${keyInfo.type}`, { defaultValue: keyInfo.type })}</span>
      </header>
      {runIds.length > 0 && !data ? (
        <p className="media-muted media-placeholder">{error ? t('media.loadError', { message: error }) : t('media.loading')}</p>
      ) : !data || steps.length === 0 ? (
        <p className="media-muted media-placeholder">{t('media.none')}</p>
      ) : (
        <>
          <StepSlider steps={steps} index={index} onIndex={(i) => setPick({ steps, index: i })} />
          <div className="media-runs">
            {data.filter((run) => run.points.length > 0 || run.error).map((run) => {
              const point = pointAtOrBefore(run.points, step);
              return (
                <div key={run.runId} className="media-run" data-run-id={run.runId}>
                  <div className="media-run-name">
                    <span className="media-dot" style={{ background: colors.get(run.runId) }} />
                    <span className="media-run-label">{names.get(run.runId) ?? run.runId}</span>
                    {point && point.step !== step && <span className="media-muted">{t('media.stepValue', { step: point.step })}</span>}
                  </div>
                  {run.error ? (
                    <p className="media-error">{t('media.loadError', { message: run.error })}</p>
                  ) : point ? (
                    <MediaItems type={keyInfo.type} point={point} />
                  ) : (
                    <p className="media-muted">{t('media.noneAtStep', { step })}</p>
                  )}
                </div>
              );
            })}
          </div>
        </>
      )}
    </section>
  );
}
