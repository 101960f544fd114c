import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../shared/contract';
import { useAccountsStore } from '../store/accountsStore';
import { WarnIcon } from '../ui/icons';
import { hostName } from './format';

/**
 * The host's state over the account's view: unreachable (what was loaded stays, local folders
 * keep working; Retry) or the key refused (re-enter it in the sidebar form, host filled in).
 */
export function AccountBanner({ account, onRetry }: { account: AccountView; onRetry(): void }) {
  const { t } = useTranslation();
  const openForm = useAccountsStore((s) => s.openForm);
  const host = hostName(account.webHost);
  if (account.status === 'offline') {
    return (
      <div className="account-banner banner-offline" data-testid="offline-banner" role="alert">
        <WarnIcon />
        <div className="banner-text">
          <strong>{t('cloud.offlineTitle', { host })}</strong>
          <span>{t('cloud.offlineBody')}</span>
          {account.lastError && <span className="banner-detail" data-testid="banner-detail">{account.lastError}</span>}
        </div>
        <button type="button" className="text-btn toolbar-btn" data-testid="banner-retry" onClick={onRetry}>{t('app.retry')}</button>
      </div>
    );
  }
  if (account.status === 'signed-out') {
    return (
      <div className="account-banner banner-signed-out" data-testid="signed-out-banner" role="alert">
        <WarnIcon />
        <div className="banner-text">
          <strong>{t('cloud.signedOutTitle', { host, user: account.username })}</strong>
          <span>{t('cloud.signedOutBody')}</span>
          {account.lastError && <span className="banner-detail" data-testid="banner-detail">{account.lastError}</span>}
        </div>
        <button type="button" className="text-btn toolbar-btn" data-testid="banner-reenter" onClick={() => openForm(account.apiHost)}>
          {t('cloud.reenterKey')}
        </button>
        <button type="button" className="text-btn toolbar-btn" data-testid="banner-retry" onClick={onRetry}>{t('app.retry')}</button>
      </div>
    );
  }
  if (account.selfHosted?.expired) {
    return (
      <div className="account-banner banner-note" data-testid="licence-banner" role="status">
        <WarnIcon />
        <div className="banner-text"><span>{t('cloud.licenceExpired', { host })}</span></div>
      </div>
    );
  }
  return null;
}

/** A level of the browser that could not be loaded for another reason than the host (shown in place). */
export function LevelError({ error, onRetry }: { error: { message: string; status: number }; onRetry(): void }) {
  const { t } = useTranslation();
  return (
    <div className="level-error" data-testid="level-error" data-status={error.status} role="alert">
      <p>{t('cloud.loadError', { message: error.message })}</p>
      <button type="button" className="text-btn toolbar-btn" onClick={onRetry}>{t('app.retry')}</button>
    </div>
  );
}
