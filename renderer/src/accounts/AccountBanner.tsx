import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../shared/contract';
import { useAccountsStore } from '../store/accountsStore';
import { WarnIcon } from '../ui/icons';
import { hostName } from './format';

/** A notice over a view: a warning icon, a bold line, what it means, a detail, and its buttons. */
export function Banner({ kind, testId, role, title, body, detail, children }: {
  kind: string; testId: string; role: 'alert' | 'status'; title?: string; body: string; detail?: string | null; children?: ReactNode;
}) {
  return (
    <div className={`account-banner banner-${kind}`} data-testid={testId} role={role}>
      <WarnIcon />
      <div className="banner-text">
        {title && <strong>{title}</strong>}
        <span>{body}</span>
        {detail && <span className="banner-detail" data-testid="banner-detail">{detail}</span>}
      </div>
      {children}
    </div>
  );
}

/**
 * The host's state over the account's view: unreachable (what was loaded stays, local folders
 * keep working; Retry) or the key refused (re-enter it in the sidebar form, host filled in).
 */
export function AccountBanner({ account, onRetry }: { account: AccountView; onRetry(): void }) {
  const { t } = useTranslation();
  const openForm = useAccountsStore((s) => s.openForm);
  const host = hostName(account.webHost);
  const retry = <button type="button" className="text-btn toolbar-btn" data-testid="banner-retry" onClick={onRetry}>{t('app.retry')}</button>;
  if (account.status === 'offline') {
    return (
      <Banner kind="offline" testId="offline-banner" role="alert" title={t('cloud.offlineTitle', { host })} body={t('cloud.offlineBody')} detail={account.lastError}>
        {retry}
      </Banner>
    );
  }
  if (account.status === 'signed-out') {
    return (
      <Banner
        kind="signed-out"
        testId="signed-out-banner"
        role="alert"
        title={t('cloud.signedOutTitle', { host, user: account.username })}
        body={t('cloud.signedOutBody')}
        detail={account.lastError}
      >
        <button type="button" className="text-btn toolbar-btn" data-testid="banner-reenter" onClick={() => openForm(account.apiHost)}>
          {t('cloud.reenterKey')}
        </button>
        {retry}
      </Banner>
    );
  }
  if (account.selfHosted?.expired) {
    return <Banner kind="note" testId="licence-banner" role="status" body={t('cloud.licenceExpired', { host })} />;
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
