import { useTranslation } from 'react-i18next';

/** Slider over the steps that have media; arrows step one media step at a time. */
export function StepSlider({ steps, index, onIndex }: { steps: number[]; index: number; onIndex: (index: number) => void }) {
  const { t } = useTranslation();
  if (steps.length === 0) return null;
  const last = steps.length - 1;
  return (
    <div className="media-slider">
      <button type="button" className="media-nav-button" aria-label={t('media.previousStep')} disabled={index <= 0} onClick={() => onIndex(index - 1)}>
        ‹
      </button>
      <input
        type="range"
        data-testid="media-step"
        data-step={steps[index]}
        min={0}
        max={last}
        step={1}
        value={index}
        disabled={last === 0}
        aria-label={t('media.step')}
        aria-valuetext={t('media.stepValue', { step: steps[index] })}
        onChange={(e) => onIndex(Number(e.target.value))}
      />
      <button type="button" className="media-nav-button" aria-label={t('media.nextStep')} disabled={index >= last} onClick={() => onIndex(index + 1)}>
        ›
      </button>
      <span className="media-step-label">
        {t('media.stepValue', { step: steps[index] })}
        <span className="media-muted"> · {index + 1}/{steps.length}</span>
      </span>
    </div>
  );
}
