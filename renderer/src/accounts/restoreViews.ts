import type { ApiClient } from '../../../shared/client';
import { showView } from '../app/viewSwitch';
import { accountOf, useAccountsStore } from '../store/accountsStore';
import { loadSavedViews } from '../store/savedViews';
import { accountIdOfView, accountView, FOLDER_VIEW, useViewStore } from '../store/viewStore';
import { loadAccounts, revalidate } from './accountActions';

let restoring: Promise<boolean> | null = null;

/**
 * Once per page load: lists the accounts, puts back the saved view of every account that is
 * still there, and shows the saved front view again (see reopenAccountView). Resolves whether
 * the accounts could be listed — only then may what is saved be replaced (persistViews).
 */
export function restoreViews(client: ApiClient): Promise<boolean> {
  restoring ??= restoreSavedViews(client);
  return restoring;
}

/** What restoreViews does, each time it is called. */
export async function restoreSavedViews(client: ApiClient): Promise<boolean> {
  const saved = loadSavedViews();
  await loadAccounts(client);
  const s = useAccountsStore.getState();
  if (!s.available || s.listError !== null || !s.accounts) return false;
  if (!saved) return true;
  const known = new Set(s.accounts.map((a) => a.id));
  for (const [id, b] of Object.entries(saved.accounts)) if (known.has(id)) s.updateBrowse(id, b);
  const accountId = accountIdOfView(saved.active);
  if (!accountId) return true;
  if (!known.has(accountId)) s.setUnrestored({ accountId, reason: 'gone' });
  else await reopenAccountView(client, accountId);
  return true;
}

/**
 * Loads what an account's view shows (its charts: the source still open on the main side, else
 * the same runs opened again) while the folder stays in front, then shows it. A host that does
 * not answer or refuses the key leaves the folder in front with a notice (RestoreNotice) that
 * names the account and offers Retry. Nothing changes if the user went to another view meanwhile.
 */
export async function reopenAccountView(client: ApiClient, accountId: string): Promise<void> {
  const ok = await revalidate(client, accountId);
  if (useViewStore.getState().active !== FOLDER_VIEW) return;
  const s = useAccountsStore.getState();
  const status = accountOf(s, accountId)?.status;
  if (!ok && (status === 'offline' || status === 'signed-out')) {
    s.setUnrestored({ accountId, reason: status });
    return;
  }
  s.setUnrestored(null);
  showView(client, accountView(accountId));
}
