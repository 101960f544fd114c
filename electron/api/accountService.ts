import type { AccountImport, AccountsView, AccountView, CloudProjectPage, CloudRunRow, CloudWorkspaceView, RequestOf } from '../../shared/contract';
import type { RunSource } from './source';

/**
 * What the `accounts.*` and `cloud.*` channels need from the main side: accounts (keys stay
 * here), browsing a host, and opening a project's runs as a RunSource.
 */
export interface AccountService {
  list(): Promise<AccountsView>;
  add(host: string, apiKey: string): Promise<AccountView>;
  importFound(): Promise<AccountImport>;
  remove(accountId: string): Promise<AccountsView>;
  workspaces(accountId: string): Promise<CloudWorkspaceView[]>;
  projects(req: RequestOf<'cloud.projects'>): Promise<CloudProjectPage>;
  runs(req: RequestOf<'cloud.runs'>): Promise<CloudRunRow[]>;
  /**
   * A source over the chosen runs; the dispatcher registers it. The same project of the same
   * account opened again answers the same source, now showing the new choice of runs.
   */
  open(req: RequestOf<'cloud.open'>): Promise<RunSource>;
  /** Ids of the sources opened for this account and still open (closed with it on remove). */
  sourcesOf(accountId: string): string[];
  /** Stops background work (polling) and closes every source it opened. */
  close(): void;
}
