import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../shared/client';
import { AccountPane } from '../accounts/AccountPane';
import { hostName } from '../accounts/format';
import { persistViews } from '../accounts/persistViews';
import { RestoreNotice } from '../accounts/RestoreNotice';
import { restoreViews } from '../accounts/restoreViews';
import { useApi } from '../api/useApi';
import { RunDetailsPanel } from '../details/RunDetailsPanel';
import { i18n } from '../i18n';
import { useLiveFeed } from '../live/useLiveFeed';
import { Sidebar } from '../sidebar/Sidebar';
import { accountOf, browseOf, useAccountsStore } from '../store/accountsStore';
import { useAppStore } from '../store/appStore';
import { accountIdOfView, FOLDER_VIEW, useViewStore } from '../store/viewStore';
import { useThemeSync } from '../theme/useThemeSync';
import { EmptyState } from './EmptyState';
import { ErrorView } from './ErrorView';
import { LoadingView } from './LoadingView';
import { SourceView } from './SourceView';
import { Toolbar } from './Toolbar';
import { useShellCommands } from './useShellCommands';
import { useWorkspace } from './useWorkspace';
import './app.css';

function useLanguageSync(): void {
  const language = useAppStore((s) => s.language);
  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  }, [language]);
}

/** `<folder> — swanview`, or `<project> — <user>@<host> — swanview` for an account's view. */
function useDocumentTitle(accountId: string | null): void {
  const target = useAppStore((s) => s.workspace?.target ?? null);
  const account = useAccountsStore((s) => accountOf(s, accountId));
  const project = useAccountsStore((s) => (accountId ? browseOf(s, accountId).project : null));
  useEffect(() => {
    let name: string | undefined;
    if (account) name = [project, `${account.username}@${hostName(account.webHost)}`].filter(Boolean).join(' — ');
    else if (!accountId) name = target?.split(/[\\/]/).filter(Boolean).pop();
    document.title = name ? `${name} — swanview` : 'swanview';
  }, [target, account, accountId, project]);
}

/** The account views as saved before the page loaded, then saved again as they change. */
function useRestoredViews(client: ApiClient): void {
  useEffect(() => {
    let stop: (() => void) | null = null;
    let mounted = true;
    void restoreViews(client).then((listed) => {
      if (mounted && listed) stop = persistViews();
    });
    return () => {
      mounted = false;
      stop?.();
    };
  }, [client]);
}

/** The local folder's view: loading, error, nothing open, or its runs and charts. */
function FolderPane({ onOpen, onRetry }: { onOpen(path: string): void; onRetry(): void }) {
  const { t } = useTranslation();
  const phase = useAppStore((s) => s.phase);
  const error = useAppStore((s) => s.error);
  const workspace = useAppStore((s) => s.workspace);
  let body;
  if (phase === 'error' && error) body = <ErrorView message={error} onRetry={onRetry} />;
  else if (!workspace) body = <LoadingView />;
  else if (workspace.target === null) body = <EmptyState canOpenFolders={workspace.canOpenFolders} onOpen={onOpen} />;
  else body = <SourceView view={FOLDER_VIEW} />;
  return (
    <div className="pane folder-pane" data-testid="folder-pane" aria-label={t('sidebar.folders')}>
      {phase === 'loading' && workspace && <div className="reload-bar" />}
      <RestoreNotice />
      {body}
    </div>
  );
}

export function App() {
  useThemeSync();
  useLanguageSync();
  useLiveFeed();
  useShellCommands();
  const client = useApi();
  const { open, reload, refresh } = useWorkspace();
  const phase = useAppStore((s) => s.phase);
  const selectedRunId = useAppStore((s) => s.selectedRunId);
  const selectRun = useAppStore((s) => s.selectRun);
  const closeDetails = useCallback(() => selectRun(null), [selectRun]);
  const active = useViewStore((s) => s.active);
  const accountId = accountIdOfView(active);
  useDocumentTitle(accountId);
  useRestoredViews(client);

  return (
    <div className="app" data-phase={phase} data-view={accountId ? 'account' : 'folder'}>
      <Toolbar />
      <div className="app-body">
        <Sidebar onOpenFolder={open} onShowFolder={refresh} />
        {accountId ? <AccountPane key={accountId} accountId={accountId} /> : <FolderPane onOpen={open} onRetry={reload} />}
      </div>
      {selectedRunId && <RunDetailsPanel runId={selectedRunId} onClose={closeDetails} />}
    </div>
  );
}
