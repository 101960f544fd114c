import { useTranslation } from 'react-i18next';
import { useApi } from '../api/useApi';
import { browseOf, useAccountsStore } from '../store/accountsStore';
import { chooseWorkspace, loadWorkspaces } from './accountActions';
import { LevelError } from './AccountBanner';

/** The account's workspaces: the user's own, then the teams it belongs to. */
export function WorkspaceList({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const client = useApi();
  const level = useAccountsStore((s) => browseOf(s, accountId).workspaces);
  const list = level.data;
  if (!list) {
    if (level.error) return <LevelError error={level.error} onRetry={() => void loadWorkspaces(client, accountId)} />;
    return <p className="browse-note">{t('cloud.loadingWorkspaces')}</p>;
  }
  return (
    <div className="browse-body">
      <h2 className="browse-title">{t('cloud.workspaces')}</h2>
      {list.length === 0 ? (
        <p className="browse-note">{t('cloud.noWorkspaces')}</p>
      ) : (
        <ul className="card-list" data-testid="cloud-workspaces">
          {list.map((w) => (
            <li key={w.name}>
              <button
                type="button"
                className="card"
                data-testid="cloud-workspace"
                data-workspace={w.name}
                onClick={() => chooseWorkspace(client, accountId, w.name)}
              >
                <span className="card-title">{w.displayName && w.displayName !== w.name ? `${w.displayName} (${w.name})` : w.name}</span>
                <span className="card-meta">
                  <span className={`kind-badge ws-${w.kind}`}>{t(`cloud.workspaceKind.${w.kind}`)}</span>
                  {w.role && <span>{t('cloud.role', { role: w.role.toLowerCase() })}</span>}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
