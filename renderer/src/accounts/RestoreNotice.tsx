import { useTranslation } from 'react-i18next';
import { useApi } from '../api/useApi';
import { accountOf, useAccountsStore } from '../store/accountsStore';
import { IconButton } from '../ui/IconButton';
import { loadAccounts, switchToAccount } from './accountActions';
import { AccountBanner, Banner } from './AccountBanner';
import { accountLabel } from './format';
import { reopenAccountView } from './restoreViews';
import './accounts.css';

/** `alice @ host` from an account id (`<apiHost>#<username>`), for an account that is no longer listed. */
function labelOfId(accountId: string): string {
  const at = accountId.lastIndexOf('#');
  return at < 0 ? accountId : accountLabel({ username: accountId.slice(at + 1), webHost: accountId.slice(0, at) });
}

/**
 * Over the folder, when the account view that was in front before the page loaded could not be
 * shown again: which account and why (the account's own banner: host away, key refused), with
 * Retry, a way to the account anyway, and dismiss.
 */
export function RestoreNotice() {
  const { t } = useTranslation();
  const client = useApi();
  const unrestored = useAccountsStore((s) => s.unrestored);
  const account = useAccountsStore((s) => accountOf(s, s.unrestored?.accountId ?? null));
  const dismiss = useAccountsStore((s) => s.setUnrestored);
  if (!unrestored) return null;
  const { accountId, reason } = unrestored;
  const label = account ? accountLabel(account) : labelOfId(accountId);
  const retry = () => {
    void loadAccounts(client);
    void reopenAccountView(client, accountId);
  };
  return (
    <>
      <Banner
        kind="note"
        testId="restore-notice"
        role="status"
        body={reason === 'gone' ? t('cloud.restoreGone', { account: label }) : t('cloud.restoreFailed', { account: label })}
      >
        {account && (
          <button type="button" className="text-btn toolbar-btn" data-testid="restore-open" onClick={() => switchToAccount(client, accountId)}>
            {t('cloud.restoreOpen')}
          </button>
        )}
        <IconButton data-testid="restore-dismiss" label={t('accounts.dismiss')} onClick={() => dismiss(null)}>×</IconButton>
      </Banner>
      {account && reason !== 'gone' && <AccountBanner account={account} onRetry={retry} />}
    </>
  );
}
