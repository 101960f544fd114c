import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunIssue } from '../../../shared/domain';
import { WarnIcon } from '../ui/icons';

/** A warning icon for a run that could not be read completely; click lists the problems. */
export function RunIssuesButton({ issues, open, onToggle }: { issues: RunIssue[]; open: boolean; onToggle(): void }) {
  const { t } = useTranslation();
  const summary = t('runs.issues', { count: issues.length });
  return (
    <button
      type="button"
      className="icon-btn run-issues-btn"
      data-testid="run-issues"
      aria-expanded={open}
      title={`${summary}\n${issues.map((i) => i.reason).join('\n')}`}
      onClick={(e) => {
        e.stopPropagation();
        onToggle();
      }}
    >
      <WarnIcon />
    </button>
  );
}

function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

export function IssueList({ issues }: { issues: RunIssue[] }) {
  return (
    <ul className="issue-list" data-testid="issue-list">
      {issues.map((i) => (
        <li key={`${i.path}\n${i.reason}`} title={i.path}>
          <span className="issue-file">{fileName(i.path)}</span> {i.reason}
        </li>
      ))}
    </ul>
  );
}

/** Open/closed state for one issue list. */
export function useToggle(): [boolean, () => void] {
  const [open, setOpen] = useState(false);
  return [open, () => setOpen((o) => !o)];
}
