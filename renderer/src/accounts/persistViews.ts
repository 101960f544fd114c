import { useAccountsStore } from '../store/accountsStore';
import { savedBrowseOf, serializeViews, writeSavedViews, type SavedViews } from '../store/savedViews';
import { accountView, FOLDER_VIEW, useViewStore } from '../store/viewStore';

function currentViews(): SavedViews {
  const { browse, unrestored } = useAccountsStore.getState();
  const { active } = useViewStore.getState();
  // an account view whose host was away at load is tried again on the next load, unless the user moved on
  const front = active === FOLDER_VIEW && unrestored && unrestored.reason !== 'gone' ? accountView(unrestored.accountId) : active;
  return { active: front, accounts: Object.fromEntries(Object.entries(browse).map(([id, b]) => [id, savedBrowseOf(b)])) };
}

/** Saves the account views (savedViews.ts) now and whenever they change; returns the unsubscribe function. */
export function persistViews(): () => void {
  let last = '';
  const write = () => {
    const text = serializeViews(currentViews());
    if (text === last) return;
    last = text;
    writeSavedViews(text);
  };
  write();
  const stops = [useAccountsStore.subscribe(write), useViewStore.subscribe(write)];
  return () => stops.forEach((stop) => stop());
}
