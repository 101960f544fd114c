import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addAccount, switchToAccount } from '../accounts/accountActions';
import { accountLabel } from '../accounts/format';
import { useApi } from '../api/useApi';
import { useAccountsStore } from '../store/accountsStore';

/**
 * Host (empty: swanlab.cn) and API key. The key field is uncontrolled: its value is read once
 * on submit and the field is emptied at once, so the key is in no React state, store or
 * storage — it goes to the main side in the `accounts.add` request and nowhere else.
 */
export function AddAccountForm() {
  const { t } = useTranslation();
  const client = useApi();
  const initialHost = useAccountsStore((s) => s.form.host);
  const closeForm = useAccountsStore((s) => s.closeForm);
  const setAdded = useAccountsStore((s) => s.setAdded);
  const [host, setHost] = useState(initialHost);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const keyRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    setHost(initialHost);
    setError(null);
    (initialHost ? keyRef.current : null)?.focus();
  }, [initialHost]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const field = keyRef.current;
    if (!field || busy) return;
    const apiKey = field.value;
    field.value = '';
    if (!apiKey.trim()) {
      setError(t('accounts.keyRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    setAdded(null);
    addAccount(client, host.trim(), apiKey).then(
      (account) => {
        setBusy(false);
        setAdded(accountLabel(account));
        closeForm();
        switchToAccount(client, account.id);
      },
      (err: Error) => {
        setBusy(false);
        setError(err.message);
      },
    );
  };

  return (
    <form className="account-form" data-testid="account-form" onSubmit={submit} aria-busy={busy} autoComplete="off">
      <label className="form-field">
        <span>{t('accounts.host')}</span>
        <input
          type="text"
          data-testid="account-host"
          value={host}
          placeholder="swanlab.cn"
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setHost(e.target.value)}
        />
      </label>
      <label className="form-field">
        <span>{t('accounts.apiKey')}</span>
        <input type="password" data-testid="account-key" ref={keyRef} autoComplete="off" spellCheck={false} placeholder={t('accounts.apiKeyPlaceholder')} />
      </label>
      <p className="form-hint">{t('accounts.hostHint')}</p>
      {error && <p className="form-error" data-testid="account-form-error" role="alert">{error}</p>}
      <div className="form-buttons">
        <button type="submit" className="text-btn primary-btn" data-testid="account-submit" disabled={busy}>
          {busy ? t('accounts.signingIn') : t('accounts.signIn')}
        </button>
        <button type="button" className="text-btn" onClick={closeForm}>{t('accounts.cancel')}</button>
      </div>
    </form>
  );
}
