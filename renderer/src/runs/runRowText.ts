import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RUN_STATUSES, type RunStatus } from '../../../shared/domain';

/** The texts of a run row, the same for every row. */
export interface RunRowText {
  hide: string;
  show: string;
  openDetails: string;
  unknownTime: string;
  evidence: string;
  status: Record<RunStatus, string>;
}

/**
 * Translated once per run list, not per row: 50 rows each asking i18next for their texts were
 * a visible part of the first render of a big folder.
 */
export function useRunRowText(): RunRowText {
  const { t } = useTranslation();
  return useMemo(() => ({
    hide: t('runs.hide'),
    show: t('runs.show'),
    openDetails: t('runs.openDetails'),
    unknownTime: t('time.unknown'),
    evidence: t('status.evidence'),
    status: Object.fromEntries(RUN_STATUSES.map((s) => [s, t(`status.${s}`)])) as Record<RunStatus, string>,
  }), [t]);
}
