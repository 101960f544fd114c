import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/appStore';
import { selectRun, selectSourceId } from '../store/selectors';
import { useRunColors } from '../theme/useRunColors';
import { ExternalIcon } from '../ui/icons';
import { ConfigTab } from './ConfigTab';
import { LogsTab } from './LogsTab';
import { OverviewTab } from './OverviewTab';
import { RequirementsTab } from './RequirementsTab';
import { SummaryTab } from './SummaryTab';
import { SystemTab } from './SystemTab';
import { useLiveCall } from './useLiveCall';
import './details.css';

const TABS = ['overview', 'summary', 'config', 'system', 'requirements', 'logs'] as const;
type Tab = (typeof TABS)[number];

/** Side drawer with everything about one run; crashed runs open on their logs. */
export function RunDetailsPanel({ runId, onClose }: { runId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const listed = useAppStore((s) => selectRun(s, runId));
  const color = useRunColors().get(runId);
  const source = useAppStore(selectSourceId);
  const { data, error } = useLiveCall(
    source ? `details:${source}:${runId}` : null,
    (api) => api.call('run.details', { source: source!, runId }),
    (e) => e.runs.some((r) => r.runId === runId),
  );
  const [chosen, setChosen] = useState<{ runId: string; tab: Tab } | null>(null);
  const info = data?.info ?? listed?.info ?? null;
  const tab: Tab = chosen?.runId === runId ? chosen.tab : info?.status === 'crashed' ? 'logs' : 'overview';

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLInputElement && e.target.value !== '';
      if (e.key === 'Escape' && !typing) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <aside className="run-details" data-testid="run-details" data-run-id={runId} aria-label={t('details.title')}>
      <header className="run-details-header">
        <span className="run-dot" style={{ background: color }} />
        <h2 title={info?.name}>{info?.name ?? runId}</h2>
        {info && <span className={`status-badge status-${info.status}`}>{t(`status.${info.status}`)}</span>}
        {listed?.webUrl && (
          <a className="text-button web-link" data-testid="run-web-link" href={listed.webUrl} target="_blank" rel="noopener noreferrer" title={listed.webUrl}>
            <ExternalIcon /> {t('cloud.openInBrowser')}
          </a>
        )}
        <button type="button" className="icon-button close-button" onClick={onClose} title={t('details.close')} aria-label={t('details.close')}>
          ×
        </button>
      </header>
      <nav className="details-tabs" role="tablist">
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            className={tab === name ? 'details-tab is-active' : 'details-tab'}
            data-testid={`details-tab-${name}`}
            onClick={() => setChosen({ runId, tab: name })}
          >
            {t(`details.tabs.${name}`)}
          </button>
        ))}
      </nav>
      <div className={`details-body details-body-${tab}`} role="tabpanel">
        {tab === 'logs' ? (
          <LogsTab key={runId} runId={runId} />
        ) : !data ? (
          error ? <p className="details-error">{t('details.loadError', { message: error })}</p> : <p className="details-muted">{t('details.loading')}</p>
        ) : tab === 'overview' ? (
          <OverviewTab info={data.info} />
        ) : tab === 'summary' ? (
          <SummaryTab summaries={data.summaries} />
        ) : tab === 'config' ? (
          <ConfigTab key={runId} config={data.config} />
        ) : tab === 'system' ? (
          <SystemTab system={data.system} />
        ) : (
          <RequirementsTab requirements={data.requirements} conda={data.conda} />
        )}
      </div>
    </aside>
  );
}
