import { useTranslation } from 'react-i18next';
import type { RunInfo } from '../../../shared/domain';

/** The run's status; hovering shows why (which file said so, staleness for killed runs). */
export function StatusBadge({ info }: { info: RunInfo }) {
  const { t } = useTranslation();
  const why = info.statusEvidence.length ? `${t('status.evidence')}:\n${info.statusEvidence.join('\n')}` : undefined;
  return (
    <span className={`status-badge status-${info.status}`} data-testid="run-status" data-status={info.status} title={why}>
      {t(`status.${info.status}`)}
    </span>
  );
}
