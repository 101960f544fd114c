import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../shared/contract';
import { importAccounts, removeAccount, switchToAccount } from '../accounts/accountActions';
import { accountLabel, hostName } from '../accounts/format';
import { useApi } from '../api/useApi';
import { useAccountsStore } from '../store/accountsStore';
import { accountView, useViewStore } from '../store/viewStore';
import { IconButton } from '../ui/IconButton';
import { ImportIcon, PlusIcon } from '../ui/icons';
import { AddAccountForm } from './AddAccountForm';
import { SidebarItem } from './SidebarItem';

function AccountItem({ account, collapsed }: { account: AccountView; collapsed: boolean }) {
  const { t } = useTranslation();
  const client = useApi();
  const active = useViewStore((s) => s.active === accountView(account.id));
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const label = accountLabel(account);
  const status = t(`accounts.status.${account.status}`);
  const remove = () => {
    setError(null);
    removeAccount(client, account.id).catch((e: Error) => setError(e.message));
  };
  return (
    <li className="sidebar-account-li">
      <div className={`sidebar-account${active ? ' active' : ''}`}>
        <SidebarItem
          data-testid="sidebar-account"
          data-account-id={account.id}
          data-status={account.status}
          active={active}
          collapsed={collapsed}
          iconClassName="account-avatar"
          icon={(
            <>
              {account.username.slice(0, 1).toUpperCase()}
              <span className={`status-dot status-dot-${account.status}`} data-testid="account-status" />
            </>
          )}
          name={(
            <>
              {account.username}
              <span className="sidebar-item-host"> @ {hostName(account.webHost)}</span>
            </>
          )}
          sub={(
            <>
              <span className={`kind-badge kind-${account.kind}`} data-testid="account-kind">{t(`accounts.kind.${account.kind}`)}</span>
              <span className={`status-text status-text-${account.status}`}>{status}</span>
            </>
          )}
          title={`${label} (${t(`accounts.kind.${account.kind}`)}) — ${status}`}
          onClick={() => switchToAccount(client, account.id)}
        />
        {!collapsed && !confirming && (
          <IconButton className="account-remove" data-testid="account-remove" label={t('accounts.remove')} onClick={() => setConfirming(true)}>×</IconButton>
        )}
      </div>
      {!collapsed && confirming && (
        <div className="account-confirm" data-testid="account-remove-confirm" role="alertdialog" aria-label={t('accounts.remove')}>
          <span>{t('accounts.removeQuestion', { account: label })}</span>
          <span className="account-confirm-buttons">
            <button type="button" className="text-btn danger-btn" data-testid="account-remove-yes" onClick={remove}>{t('accounts.removeYes')}</button>
            <button type="button" className="text-btn" data-testid="account-remove-no" onClick={() => setConfirming(false)}>{t('accounts.cancel')}</button>
          </span>
          {error && <span className="form-error">{error}</span>}
        </div>
      )}
    </li>
  );
}

function ImportResult() {
  const { t } = useTranslation();
  const found = useAccountsStore((s) => s.imported);
  const dismiss = useAccountsStore((s) => s.setImported);
  if (!found) return null;
  return (
    <div className="import-result" data-testid="import-result" role="status">
      <div className="import-result-head">
        <span>{found.length ? t('accounts.importFound', { count: found.length }) : t('accounts.importNone')}</span>
        <IconButton label={t('accounts.dismiss')} onClick={() => dismiss(null)}>×</IconButton>
      </div>
      {found.length > 0 && (
        <ul>
          {found.map((f, i) => (
            <li key={i} data-testid="import-item" data-ok={f.added !== null}>
              <span className="import-origin">{f.origin}</span>
              <span className="import-host">{hostName(f.host) || 'swanlab.cn'}</span>
              {f.added
                ? <span className="import-ok">{t('accounts.importAdded', { account: accountLabel(f.added) })}</span>
                : <span className="form-error">{f.error ?? t('accounts.importFailed')}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function KeyStorageNote() {
  const { t } = useTranslation();
  const storage = useAccountsStore((s) => s.keyStorage);
  if (!storage) return null;
  const text = storage.kind === 'file'
    ? t('accounts.keysInFile', { path: storage.location ?? '' })
    : t('accounts.keysInSafeStorage');
  return <p className="key-storage" data-testid="key-storage" data-kind={storage.kind}>{text}</p>;
}

/** Accounts: each one a click away, add (host + key), import from ~/.swanlab, remove, where keys live. */
export function AccountsSection({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  const client = useApi();
  const accounts = useAccountsStore((s) => s.accounts);
  const available = useAccountsStore((s) => s.available);
  const listError = useAccountsStore((s) => s.listError);
  const formOpen = useAccountsStore((s) => s.form.open);
  const added = useAccountsStore((s) => s.added);
  const openForm = useAccountsStore((s) => s.openForm);
  const closeForm = useAccountsStore((s) => s.closeForm);
  const [importing, setImporting] = useState(false);
  const [importError, setImportError] = useState<string | null>(null);

  const runImport = () => {
    setImporting(true);
    setImportError(null);
    importAccounts(client).catch((e: Error) => setImportError(e.message)).finally(() => setImporting(false));
  };

  return (
    <section className="sidebar-section" aria-label={t('sidebar.accounts')} data-testid="sidebar-accounts">
      {!collapsed && (
        <div className="sidebar-heading-row">
          <h2 className="sidebar-heading">{t('sidebar.accounts')}</h2>
          {available && (
            <span className="sidebar-heading-actions">
              <IconButton
                data-testid="account-add"
                active={formOpen}
                aria-expanded={formOpen}
                label={t('accounts.add')}
                onClick={() => (formOpen ? closeForm() : openForm())}
              >
                <PlusIcon />
              </IconButton>
              <IconButton data-testid="account-import" label={t('accounts.importTitle')} disabled={importing} onClick={runImport}>
                <ImportIcon />
              </IconButton>
            </span>
          )}
        </div>
      )}
      {!available ? (
        !collapsed && <p className="sidebar-note">{t('accounts.unavailable')}</p>
      ) : (
        <>
          <ul className="sidebar-list">
            {(accounts ?? []).map((a) => <AccountItem key={a.id} account={a} collapsed={collapsed} />)}
          </ul>
          {!collapsed && (
            <>
              {accounts?.length === 0 && !formOpen && (
                <div className="sidebar-empty">
                  <p className="sidebar-note">{t('accounts.none')}</p>
                  <button type="button" className="text-btn toolbar-btn" data-testid="account-add-first" onClick={() => openForm()}>{t('accounts.add')}</button>
                  <button type="button" className="text-btn toolbar-btn" data-testid="account-import-first" disabled={importing} onClick={runImport}>{t('accounts.import')}</button>
                </div>
              )}
              {listError && <p className="form-error" data-testid="accounts-error">{t('accounts.listError', { message: listError })}</p>}
              {formOpen && <AddAccountForm />}
              {added && <p className="sidebar-note ok-note" data-testid="account-added" role="status">{t('accounts.signedInAs', { account: added })}</p>}
              {importing && <p className="sidebar-note">{t('accounts.importing')}</p>}
              {importError && <p className="form-error" data-testid="import-error">{importError}</p>}
              <ImportResult />
              <KeyStorageNote />
            </>
          )}
        </>
      )}
    </section>
  );
}
