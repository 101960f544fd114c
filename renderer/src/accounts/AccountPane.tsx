import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/useApi';
import { LoadingView } from '../app/LoadingView';
import { SourceView } from '../app/SourceView';
import { accountOf, browseOf, useAccountsStore, type AccountBrowse } from '../store/accountsStore';
import { useAppStore } from '../store/appStore';
import { accountView } from '../store/viewStore';
import { IconButton } from '../ui/IconButton';
import { ExternalIcon, RefreshIcon } from '../ui/icons';
import {
  chooseWorkspace, loadAccounts, revalidate, showOpenedCharts, showRunsTable,
} from './accountActions';
import { AccountBanner, LevelError } from './AccountBanner';
import { accountLabel } from './format';
import { ProjectList } from './ProjectList';
import { RunsTable } from './RunsTable';
import { WorkspaceList } from './WorkspaceList';
import './accounts.css';

function Crumbs({ accountId, b, label }: { accountId: string; b: AccountBrowse; label: string }) {
  const { t } = useTranslation();
  const client = useApi();
  const crumbs: { id: string; text: string; go: (() => void) | null }[] = [
    { id: 'account', text: label, go: b.workspace ? () => chooseWorkspace(client, accountId, null) : null },
  ];
  if (b.workspace) crumbs.push({ id: 'workspace', text: b.workspace, go: b.project ? () => chooseWorkspace(client, accountId, b.workspace) : null });
  if (b.project) {
    crumbs.push({ id: 'project', text: b.project, go: b.mode === 'charts' ? () => showRunsTable(accountId) : null });
    if (b.mode === 'charts') crumbs.push({ id: 'charts', text: t('cloud.charts'), go: null });
  }
  return (
    <nav className="crumbs" aria-label={t('cloud.path')} data-testid="cloud-crumbs">
      {crumbs.map((c, i) => (
        <span key={c.id} className="crumb-wrap">
          {i > 0 && <span className="crumb-sep" aria-hidden="true">▸</span>}
          {c.go
            ? <button type="button" className="crumb" data-testid={`crumb-${c.id}`} onClick={c.go}>{c.text}</button>
            : <span className="crumb current" data-testid={`crumb-${c.id}`} aria-current="page">{c.text}</span>}
        </span>
      ))}
    </nav>
  );
}

/** An account's view: where the user is (crumbs), the host's state, and workspaces ▸ projects ▸ runs ▸ charts. */
export function AccountPane({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const client = useApi();
  const account = useAccountsStore((s) => accountOf(s, accountId));
  const b = useAccountsStore((s) => browseOf(s, accountId));
  const shown = useAppStore((s) => s.workspace);

  // coming back: what was shown stays, the level in view is fetched again (and tells whether the host is up)
  useEffect(() => void revalidate(client, accountId), [client, accountId]);

  if (!account) {
    return <div className="pane account-pane" data-testid="account-pane"><LoadingView /></div>;
  }
  const retry = () => {
    void loadAccounts(client);
    void revalidate(client, accountId);
  };
  const loading = b.workspaces.loading || b.projects.loading || b.runs.loading || b.openState.loading;
  const projectUrl = b.project ? b.projectView?.webUrl ?? null : null;

  let body;
  if (b.mode === 'charts' && b.project) {
    if (shown && shown.kind === 'cloud') body = <SourceView view={accountView(accountId)} />;
    else if (b.openState.error) body = <LevelError error={b.openState.error} onRetry={retry} />;
    else body = <LoadingView />;
  } else if (b.project) body = <RunsTable accountId={accountId} />;
  else if (b.workspace) body = <ProjectList accountId={accountId} />;
  else body = <WorkspaceList accountId={accountId} />;

  return (
    <div className="pane account-pane" data-testid="account-pane" data-account-id={accountId} data-mode={b.mode}>
      <header className="account-header">
        <Crumbs accountId={accountId} b={b} label={accountLabel(account)} />
        <span className="account-header-actions">
          {b.project && b.mode === 'browse' && b.opened && b.opened.request.project === b.project && (
            <button type="button" className="text-btn toolbar-btn" data-testid="show-opened-charts" onClick={() => showOpenedCharts(client, accountId)}>
              {t('cloud.backToCharts', { count: b.opened.request.runIds.length })}
            </button>
          )}
          {b.mode === 'charts' && (
            <button type="button" className="text-btn toolbar-btn" data-testid="back-to-runs" onClick={() => showRunsTable(accountId)}>
              {t('cloud.backToRuns')}
            </button>
          )}
          {projectUrl && (
            <a className="text-btn toolbar-btn web-link" data-testid="project-web-link" href={projectUrl} target="_blank" rel="noopener noreferrer" title={projectUrl}>
              <ExternalIcon /> {t('cloud.openInBrowser')}
            </a>
          )}
          <IconButton className="toolbar-btn" data-testid="account-refresh" label={t('cloud.refresh')} disabled={loading} onClick={retry}>
            <RefreshIcon />
          </IconButton>
        </span>
        {loading && <div className="progress-line busy" />}
      </header>
      <AccountBanner account={account} onRetry={retry} />
      {body}
    </div>
  );
}
