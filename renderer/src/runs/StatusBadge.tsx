import type { RunInfo } from '../../../shared/domain';

/** The run's status (`label`, translated); hovering shows why (which file said so, staleness for killed runs). */
export function StatusBadge({ info, label, evidence }: { info: RunInfo; label: string; evidence: string }) {
  const why = info.statusEvidence.length ? `${evidence}:\n${info.statusEvidence.join('\n')}` : undefined;
  return (
    <span className={`status-badge status-${info.status}`} data-testid="run-status" data-status={info.status} title={why}>
      {label}
    </span>
  );
}
