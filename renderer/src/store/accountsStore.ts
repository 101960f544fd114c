import { create } from 'zustand';
import type {
  AccountImport, AccountsView, AccountView, CloudProjectPage, CloudProjectView, CloudRunRow, CloudWorkspaceView, RequestOf,
} from '../../../shared/contract';
import { DEFAULT_SORT, NO_FILTER, type RunsFilter, type RunsSort } from '../accounts/runsTable';

export type ProjectSort = 'updated' | 'created' | 'name';

/** One level of an account's browser: its data, and whether it is being (re)loaded or failed. */
export interface Loadable<T> {
  /** What the data answers (workspace, project, query...); a stale answer is dropped. */
  key: string | null;
  data: T | null;
  loading: boolean;
  error: { message: string; status: number } | null;
}

const idle = <T>(): Loadable<T> => ({ key: null, data: null, loading: false, error: null });

/**
 * Everything one account's view remembers while another account or the folder is shown:
 * where the user browsed to, the runs table's filters, sort, columns and selection, and which
 * runs are open as charts. (The charts' own state — the open source, details drawer, zoom and
 * scroll — is parked in the view store under `account:<id>`.)
 */
export interface AccountBrowse {
  workspace: string | null;
  project: string | null;
  /** The chosen project as the list showed it (for its web link). */
  projectView: CloudProjectView | null;
  projectSearch: string;
  projectSort: ProjectSort;
  projectPage: number;
  filter: RunsFilter;
  sort: RunsSort;
  /** Config columns chosen by the user; null: the keys whose values differ. */
  columns: string[] | null;
  /** Run ids ticked in the runs table. */
  selected: string[];
  /** Runs table, or the charts of the opened runs. */
  mode: 'browse' | 'charts';
  /** The last `cloud.open`: reopened when its source was closed on the main side. */
  opened: { request: RequestOf<'cloud.open'>; sourceId: string | null } | null;
  workspaces: Loadable<CloudWorkspaceView[]>;
  projects: Loadable<CloudProjectPage>;
  runs: Loadable<CloudRunRow[]>;
  openState: Loadable<true>;
}

export function newBrowse(): AccountBrowse {
  return {
    workspace: null,
    project: null,
    projectView: null,
    projectSearch: '',
    projectSort: 'updated',
    projectPage: 1,
    filter: NO_FILTER,
    sort: DEFAULT_SORT,
    columns: null,
    selected: [],
    mode: 'browse',
    opened: null,
    workspaces: idle(),
    projects: idle(),
    runs: idle(),
    openState: idle(),
  };
}

/** Why a saved account view was not shown again: the account was removed, its host did not answer, or its key was refused. */
export interface Unrestored {
  accountId: string;
  reason: 'gone' | 'offline' | 'signed-out';
}

export interface AccountsState {
  /** null until `accounts.list` answered; `available` false where the main side offers no accounts. */
  accounts: AccountView[] | null;
  keyStorage: AccountsView['keyStorage'] | null;
  available: boolean;
  listError: string | null;
  /** Last `accounts.import` answer, shown under the buttons until dismissed. */
  imported: AccountImport['found'] | null;
  /** The add-account form: open, and the host it starts with (re-entering a refused key). Never the key. */
  form: { open: boolean; host: string };
  /** `user @ host` of the account just signed in, shown until the next add. */
  added: string | null;
  /** Per account id. */
  browse: Record<string, AccountBrowse>;
  /** Which account each opened cloud source belongs to (to blame failures of data calls). */
  sourceAccount: Record<string, string>;
  /** The account view that was in front before the page loaded and could not be shown again (see restoreViews). */
  unrestored: Unrestored | null;

  setAccounts(view: AccountsView): void;
  /** 501: this side offers no accounts. */
  setUnavailable(): void;
  setListError(message: string): void;
  setImported(found: AccountImport['found'] | null): void;
  /** The account's status as the last call saw it (the main side says the same on the next list). */
  noteStatus(accountId: string, status: AccountView['status'], lastError: string | null): void;
  updateBrowse(accountId: string, patch: Partial<AccountBrowse> | ((b: AccountBrowse) => Partial<AccountBrowse>)): void;
  noteSource(sourceId: string, accountId: string): void;
  setUnrestored(unrestored: Unrestored | null): void;
  openForm(host?: string): void;
  setAdded(label: string | null): void;
  closeForm(): void;
  forget(accountId: string): void;
}

export const useAccountsStore = create<AccountsState>()((set) => ({
  accounts: null,
  keyStorage: null,
  available: true,
  listError: null,
  imported: null,
  form: { open: false, host: '' },
  added: null,
  browse: {},
  sourceAccount: {},
  unrestored: null,

  setAccounts: (view) => set({ accounts: view.accounts, keyStorage: view.keyStorage, available: true, listError: null }),
  setUnavailable: () => set({ accounts: [], available: false, listError: null }),
  setListError: (listError) => set((s) => ({ listError, accounts: s.accounts ?? [] })),
  setImported: (imported) => set({ imported }),
  noteStatus: (accountId, status, lastError) => set((s) => {
    if (!s.accounts) return {};
    let changed = false;
    const accounts = s.accounts.map((a) => {
      if (a.id !== accountId || (a.status === status && a.lastError === lastError)) return a;
      changed = true;
      return { ...a, status, lastError };
    });
    return changed ? { accounts } : {};
  }),
  updateBrowse: (accountId, patch) => set((s) => {
    const current = s.browse[accountId] ?? newBrowse();
    const p = typeof patch === 'function' ? patch(current) : patch;
    return { browse: { ...s.browse, [accountId]: { ...current, ...p } } };
  }),
  noteSource: (sourceId, accountId) => set((s) => ({ sourceAccount: { ...s.sourceAccount, [sourceId]: accountId } })),
  setUnrestored: (unrestored) => set({ unrestored }),
  openForm: (host = '') => set({ form: { open: true, host }, added: null }),
  setAdded: (added) => set({ added }),
  closeForm: () => set({ form: { open: false, host: '' } }),
  forget: (accountId) => set((s) => {
    const browse = { ...s.browse };
    delete browse[accountId];
    const sourceAccount = Object.fromEntries(Object.entries(s.sourceAccount).filter(([, a]) => a !== accountId));
    return { browse, sourceAccount };
  }),
}));

/** The account's browse state (a fresh one before the first visit). */
export function browseOf(s: AccountsState, accountId: string): AccountBrowse {
  return s.browse[accountId] ?? FRESH;
}
const FRESH = newBrowse();

export function accountOf(s: AccountsState, accountId: string | null): AccountView | null {
  return (accountId && s.accounts?.find((a) => a.id === accountId)) || null;
}
