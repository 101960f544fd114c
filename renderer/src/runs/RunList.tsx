import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/appStore';
import { useRunColors } from '../theme/useRunColors';
import { IssueList } from './RunIssues';
import { RunRow } from './RunRow';
import { useRunRowText } from './runRowText';
import './runs.css';

/** The sidebar: every run of the folder, a name filter, show all / none. */
export function RunList() {
  const { t } = useTranslation();
  const workspace = useAppStore((s) => s.workspace);
  const hiddenRuns = useAppStore((s) => s.ui.hiddenRuns);
  const selectedRunId = useAppStore((s) => s.selectedRunId);
  const setAllVisible = useAppStore((s) => s.setAllRunsVisible);
  const colors = useRunColors();
  const rowText = useRunRowText();
  const [filter, setFilter] = useState('');
  const runs = useMemo(() => workspace?.runs ?? [], [workspace]);
  const hidden = useMemo(() => new Set(hiddenRuns), [hiddenRuns]);
  const needle = filter.trim().toLowerCase();
  const shown = needle ? runs.filter((r) => r.info.name.toLowerCase().includes(needle)) : runs;
  const visibleCount = runs.filter((r) => !hidden.has(r.info.id)).length;

  return (
    <nav className="run-list" aria-label={t('runs.title')}>
      <div className="run-list-header">
        <span className="run-list-title">{t('runs.title')}</span>
        <span className="run-list-count">{t('runs.count', { visible: visibleCount, total: runs.length })}</span>
        <span className="run-list-bulk">
          <button type="button" className="text-btn" data-testid="runs-show-all" onClick={() => setAllVisible(true)}>{t('runs.all')}</button>
          <button type="button" className="text-btn" data-testid="runs-show-none" onClick={() => setAllVisible(false)}>{t('runs.none')}</button>
        </span>
      </div>
      {runs.length > 8 && (
        <input
          className="run-filter"
          type="search"
          value={filter}
          placeholder={t('runs.filter')}
          onChange={(e) => setFilter(e.target.value)}
        />
      )}
      {workspace && workspace.issues.length > 0 && (
        <div className="workspace-issues" data-testid="workspace-issues">
          <span>{t('runs.workspaceIssues')}</span>
          <IssueList issues={workspace.issues} />
        </div>
      )}
      <ul className="run-rows">
        {shown.map((r) => (
          <RunRow
            key={r.info.id}
            info={r.info}
            color={colors.get(r.info.id) ?? '#888'}
            visible={!hidden.has(r.info.id)}
            selected={selectedRunId === r.info.id}
            text={rowText}
          />
        ))}
      </ul>
    </nav>
  );
}
