import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { AccountImport, AccountsView, AccountView, CloudProjectPage, CloudRunRow, CloudWorkspaceView, RequestOf } from '../../shared/contract';
import type { AccountService } from '../api/accountService';
import { connectAccount } from './accounts';
import { AccountsFile, hostOf, type StoredAccount } from './accountsFile';
import { accountView, projectView, runRow, workspaceView, type AccountHealth } from './accountViews';
import { CloudError, redact } from './cloudError';
import { CloudSource } from './cloudSource';
import type { CloudProject } from './cloudTypes';
import { importAccounts, type CredentialSources } from './credentials';
import { InvalidHostError, resolveHost, type SwanlabHost } from './hosts';
import type { KeyStorageInfo, KeyStore } from './keyStore';
import type { PageSize } from './paging';
import type { ApiOptions } from './swanlabApi';
import { createClient, type SwanlabClient } from './swanlabClient';
import { DEFAULT_TRANSPORT, originOf, pathOf } from './transport';

export interface AccountManagerOptions {
  /** The user-data dir: `accounts.json` and the media cache (`cloud-media/`). */
  dataDir: string;
  keys: KeyStore;
  /** Where `importFound` looks (env, home for ~/.swanlab/.netrc, cwd for ./.swanlab/.netrc). */
  credentials?: CredentialSources;
  /** Client options (tests: short timeouts, instant sleeps). */
  api?: ApiOptions;
  /** How often an open project with a running run is looked at again (ms); default 15 s. */
  pollMs?: number;
  canOpenFolders?: boolean;
}

/** Retries for a UI waiting on the answer: a refused connection is reported after ~3 s, not 15. */
const INTERACTIVE_RETRY = { retries: 3, backoffFactorMs: 500, maxTotalWaitMs: 15_000 };
export const PROJECT_PAGE_SIZE: PageSize = 20;
const PROJECT_SORT = { updated: undefined, created: 'create', name: 'name' } as const;

/** An error for the transports: `status` is the HTTP status serve answers with. */
export class AccountError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
    this.name = 'AccountError';
  }
}

const hashOf = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);

/**
 * SwanLab accounts side by side (`AccountService`): their non-secret metadata in
 * `accounts.json`, their keys in a KeyStore, one client per account (made again from the
 * stored key after a restart), the status the last calls found, and cloud projects opened as
 * sources that poll while a run is running. Keys never leave this object: views, errors and
 * events carry none (errors are redacted by the client and again here).
 */
export class AccountManager implements AccountService {
  private readonly file: AccountsFile;
  private records: StoredAccount[] | null = null;
  private changing: Promise<unknown> = Promise.resolve();
  private readonly clients = new Map<string, Promise<SwanlabClient>>();
  private readonly health = new Map<string, AccountHealth>();
  /** Keys this process has seen, for a last redaction of anything that goes out. */
  private readonly secrets = new Set<string>();
  private readonly projectsSeen = new Map<string, CloudProject>();
  private readonly opened = new Map<string, { accountId: string; source: CloudSource }>();

  constructor(private readonly opts: AccountManagerOptions) {
    this.file = new AccountsFile(opts.dataDir);
  }

  get keyStorage(): KeyStorageInfo {
    return this.opts.keys.storage ?? { kind: 'file', location: null };
  }

  private async all(): Promise<StoredAccount[]> {
    this.records ??= await this.file.read();
    return this.records;
  }

  /** Account changes one at a time (add, import and remove read-modify-write accounts.json). */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.changing.catch(() => {}).then(task);
    this.changing = next;
    return next;
  }

  private async record(accountId: string): Promise<StoredAccount> {
    const a = (await this.all()).find((r) => r.id === accountId);
    if (!a) throw new AccountError(`no SwanLab account ${accountId} (it was removed)`, 404);
    return a;
  }

  private setHealth(accountId: string, status: AccountView['status'], lastError: string | null): void {
    this.health.set(accountId, { status, lastError: lastError === null ? null : this.clean(lastError) });
  }

  private clean(text: string): string {
    return redact(text, [...this.secrets]);
  }

  async list(): Promise<AccountsView> {
    const records = await this.all();
    return { accounts: records.map((a) => accountView(a, this.health.get(a.id))), keyStorage: this.keyStorage };
  }

  /**
   * Client options that report every exchange with the account's API host: an answer from
   * /api makes it online, no answer offline, a refused login signed-out.
   */
  private apiOptions(host: SwanlabHost, idOf: () => string | null): ApiOptions {
    const api = this.opts.api ?? {};
    const inner = api.transport?.fetch ?? DEFAULT_TRANSPORT.fetch;
    const fetchTracked: typeof fetch = async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const ours = originOf(url) === host.apiHost;
      try {
        const res = await inner(input, init);
        const id = idOf();
        if (ours && id) {
          const p = pathOf(url);
          if (p === new URL(`${host.apiBase}/login/api_key`).pathname && (res.status === 401 || res.status === 403)) {
            this.setHealth(id, 'signed-out', `SwanLab ${host.apiHost}: the API key was refused (${res.status})`);
          } else if (res.ok && p.startsWith(new URL(host.apiBase).pathname)) this.setHealth(id, 'online', null);
        }
        return res;
      } catch (e) {
        const id = idOf();
        if (ours && id) {
          const what = init?.signal?.aborted ? 'timed out' : 'could not connect';
          this.setHealth(id, 'offline', `SwanLab ${host.apiHost}: ${init?.method ?? 'GET'} ${pathOf(url)} ${what}`);
        }
        throw e;
      }
    };
    return { ...api, transport: { retry: INTERACTIVE_RETRY, ...api.transport, fetch: fetchTracked } };
  }

  private clientOf(a: StoredAccount): Promise<SwanlabClient> {
    let c = this.clients.get(a.id);
    if (!c) {
      c = this.opts.keys.load(a.id).then((key) => {
        if (!key) {
          this.setHealth(a.id, 'signed-out', 'no API key is stored for this account on this machine: add it again');
          throw new AccountError(`SwanLab ${a.apiHost}: no API key is stored for ${a.username} here; add the account again`, 401);
        }
        this.secrets.add(key);
        const host = hostOf(a);
        return createClient({ ...this.apiOptions(host, () => a.id), host, apiKey: key });
      });
      c.catch(() => this.clients.delete(a.id));
      this.clients.set(a.id, c);
    }
    return c;
  }

  /** What a failed call means for the account, as an error the transports can answer with. */
  private failure(a: StoredAccount | null, e: unknown): Error {
    if (!(e instanceof CloudError)) {
      if (e instanceof InvalidHostError) return new AccountError(e.message, 400);
      if (e instanceof Error) e.message = this.clean(e.message);
      return e as Error;
    }
    const message = this.clean(e.message);
    if (e.kind === 'network' || e.kind === 'timeout') {
      if (a) this.setHealth(a.id, 'offline', message);
      return new AccountError(`SwanLab host ${e.host} is unreachable: ${message}`, 503);
    }
    if (e.kind === 'auth') {
      if (a) this.setHealth(a.id, 'signed-out', message);
      return new AccountError(a ? `${message}; the key of ${a.username} was refused: add the account again with a new key` : message, 401);
    }
    if (a) this.health.set(a.id, { status: this.health.get(a.id)?.status ?? 'unknown', lastError: message });
    return new AccountError(message, e.status === 403 || e.status === 404 ? e.status : 502);
  }

  /** Runs `task` with the account's client; failures become AccountErrors and update its status. */
  private async withClient<T>(accountId: string, task: (c: SwanlabClient, a: StoredAccount) => Promise<T>): Promise<T> {
    const a = await this.record(accountId);
    try {
      return await task(await this.clientOf(a), a);
    } catch (e) {
      throw this.failure(a, e);
    }
  }

  add(hostText: string, apiKey: string): Promise<AccountView> {
    return this.serial(async () => {
      let host: SwanlabHost;
      try {
        host = resolveHost(hostText);
      } catch (e) {
        throw this.failure(null, e);
      }
      return this.addOn(host, apiKey);
    });
  }

  /** Logs in (checking the key), asks `/self_hosted/info`, stores key and metadata; a known account gets the new key. */
  private async addOn(host: SwanlabHost, apiKey: string): Promise<AccountView> {
    const key = apiKey.trim();
    this.secrets.add(key);
    let id: string | null = null;
    let connected: Awaited<ReturnType<typeof connectAccount>>;
    try {
      connected = await connectAccount({ ...this.apiOptions(host, () => id), host, apiKey: key }, this.opts.keys);
    } catch (e) {
      throw this.failure(null, e);
    }
    const { account, client } = connected;
    id = account.id;
    const records = await this.all();
    const before = records.find((r) => r.id === account.id);
    const stored: StoredAccount = {
      id: account.id,
      apiHost: host.apiHost,
      webHost: host.webHost,
      cloud: host.cloud,
      kind: account.selfHosted ? 'private' : 'cloud',
      username: account.username,
      name: account.name,
      selfHosted: account.selfHosted ? { root: account.selfHosted.root, expired: account.selfHosted.expired, plan: account.selfHosted.plan } : null,
      addedAt: before?.addedAt ?? new Date().toISOString(),
    };
    this.records = before ? records.map((r) => (r.id === stored.id ? stored : r)) : [...records, stored];
    await this.file.write(this.records);
    this.clients.set(stored.id, Promise.resolve(client));
    this.setHealth(stored.id, 'online', null);
    return accountView(stored, this.health.get(stored.id));
  }

  importFound(): Promise<AccountImport> {
    return this.serial(async () => {
      let found;
      try {
        found = await importAccounts(this.opts.credentials ?? {});
      } catch (e) {
        throw this.failure(null, e);
      }
      const out: AccountImport['found'] = [];
      for (const f of found) {
        this.secrets.add(f.apiKey.trim());
        const known = await this.storedWithKey(f.host.apiHost, f.apiKey.trim());
        if (known) {
          out.push({ origin: f.source, host: f.host.apiHost, added: accountView(known, this.health.get(known.id)), error: null });
          continue;
        }
        try {
          out.push({ origin: f.source, host: f.host.apiHost, added: await this.addOn(f.host, f.apiKey), error: null });
        } catch (e) {
          out.push({ origin: f.source, host: f.host.apiHost, added: null, error: this.clean((e as Error).message) });
        }
      }
      return { accounts: await this.list(), found: out };
    });
  }

  /** An account on `apiHost` whose stored key is `key` (imported before: no new login needed). */
  private async storedWithKey(apiHost: string, key: string): Promise<StoredAccount | null> {
    for (const a of await this.all()) if (a.apiHost === apiHost && (await this.opts.keys.load(a.id)) === key) return a;
    return null;
  }

  remove(accountId: string): Promise<AccountsView> {
    return this.serial(async () => {
      for (const [k, o] of [...this.opened]) {
        if (o.accountId !== accountId) continue;
        this.opened.delete(k);
        o.source.close();
      }
      for (const k of [...this.projectsSeen.keys()]) if (k.startsWith(`${accountId}\n`)) this.projectsSeen.delete(k);
      this.clients.delete(accountId);
      this.health.delete(accountId);
      const records = await this.all();
      if (records.some((r) => r.id === accountId)) {
        this.records = records.filter((r) => r.id !== accountId);
        await this.file.write(this.records);
      }
      await this.opts.keys.remove(accountId);
      await fs.rm(this.mediaDir(accountId), { recursive: true, force: true });
      return this.list();
    });
  }

  workspaces(accountId: string): Promise<CloudWorkspaceView[]> {
    return this.withClient(accountId, async (c) => (await c.workspaces()).map(workspaceView));
  }

  projects(req: RequestOf<'cloud.projects'>): Promise<CloudProjectPage> {
    const page = req.page ?? 1;
    return this.withClient(req.accountId, async (c) => {
      const { projects, total } = await c.projects(req.workspace, { sort: PROJECT_SORT[req.sort ?? 'updated'], search: req.search, page, size: PROJECT_PAGE_SIZE });
      for (const p of projects) this.projectsSeen.set(`${req.accountId}\n${p.workspace}\n${p.name}`, p);
      return { projects: projects.map(projectView), total: total ?? (page - 1) * PROJECT_PAGE_SIZE + projects.length, page, pageSize: PROJECT_PAGE_SIZE };
    });
  }

  private async projectOf(c: SwanlabClient, accountId: string, workspace: string, name: string): Promise<CloudProject> {
    const k = `${accountId}\n${workspace}\n${name}`;
    const seen = this.projectsSeen.get(k);
    if (seen) return seen;
    const p = await c.project(workspace, name);
    this.projectsSeen.set(k, p);
    return p;
  }

  runs(req: RequestOf<'cloud.runs'>): Promise<CloudRunRow[]> {
    return this.withClient(req.accountId, async (c) => {
      const project = await this.projectOf(c, req.accountId, req.workspace, req.project);
      return (await c.runs(project, { all: true })).map(runRow);
    });
  }

  private mediaDir(accountId: string): string {
    return path.join(this.opts.dataDir, 'cloud-media', hashOf(accountId));
  }

  open(req: RequestOf<'cloud.open'>): Promise<CloudSource> {
    const k = `${req.accountId}\n${req.workspace}\n${req.project}`;
    return this.withClient(req.accountId, async (client) => {
      const kept = this.opened.get(k)?.source;
      if (kept && !kept.isClosed) {
        await kept.select(req.runIds);
        return kept;
      }
      const project = await this.projectOf(client, req.accountId, req.workspace, req.project);
      const source: CloudSource = await CloudSource.open({
        client, project, runIds: req.runIds, accountId: req.accountId,
        cacheDir: this.mediaDir(req.accountId),
        pollMs: this.opts.pollMs ?? 15_000,
        canOpenFolders: this.opts.canOpenFolders,
        onClose: () => {
          if (this.opened.get(k)?.source === source) this.opened.delete(k);
        },
      });
      this.opened.set(k, { accountId: req.accountId, source });
      return source;
    });
  }

  sourcesOf(accountId: string): string[] {
    return [...this.opened.values()].filter((o) => o.accountId === accountId).map((o) => o.source.id);
  }

  close(): void {
    for (const { source } of [...this.opened.values()]) source.close();
    this.opened.clear();
  }
}
