import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartArea } from '../charts/ChartArea';
import { RunDetailsPanel } from '../details/RunDetailsPanel';
import { i18n } from '../i18n';
import { useLiveFeed } from '../live/useLiveFeed';
import { RunList } from '../runs/RunList';
import { useAppStore } from '../store/appStore';
import { useThemeSync } from '../theme/useThemeSync';
import { EmptyState } from './EmptyState';
import { ErrorView } from './ErrorView';
import { LoadingView } from './LoadingView';
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

function useDocumentTitle(target: string | null): void {
  useEffect(() => {
    const name = target?.split(/[\\/]/).filter(Boolean).pop();
    document.title = name ? `${name} — swanview` : 'swanview';
  }, [target]);
}

export function App() {
  useThemeSync();
  useLanguageSync();
  useLiveFeed();
  useShellCommands();
  const { t } = useTranslation();
  const { open, reload } = useWorkspace();
  const phase = useAppStore((s) => s.phase);
  const error = useAppStore((s) => s.error);
  const workspace = useAppStore((s) => s.workspace);
  const selectedRunId = useAppStore((s) => s.selectedRunId);
  const selectRun = useAppStore((s) => s.selectRun);
  const closeDetails = useCallback(() => selectRun(null), [selectRun]);
  useDocumentTitle(workspace?.target ?? null);

  let main;
  if (phase === 'error' && error) main = <ErrorView message={error} onRetry={reload} />;
  else if (!workspace) main = <LoadingView />;
  else if (workspace.target === null) main = <EmptyState canOpenFolders={workspace.canOpenFolders} onOpen={open} />;
  else {
    main = (
      <div className="workspace">
        <RunList />
        <main className="chart-area">
          {workspace.runs.length === 0 ? <p className="no-runs">{t('empty.noRuns')}</p> : <ChartArea />}
        </main>
      </div>
    );
  }
  return (
    <div className="app" data-phase={phase}>
      <Toolbar />
      {phase === 'loading' && workspace && <div className="reload-bar" />}
      {main}
      {selectedRunId && <RunDetailsPanel runId={selectedRunId} onClose={closeDetails} />}
    </div>
  );
}
