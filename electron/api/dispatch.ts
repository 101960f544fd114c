import { parseRequest, type ChannelName, type RequestOf, type ResponseOf, type WorkspaceView } from '../../shared/contract';
import type { AccountService } from './accountService';
import type { RunSource } from './source';
import type { SourceRegistry } from './sourceRegistry';
import type { UiStateStore } from './uiStateStore';

export interface ApiHost {
  sources: SourceRegistry;
  store: UiStateStore;
  /** How the transport addresses a media file (HTTP URL or custom protocol). */
  mediaUrl(source: string, runId: string, key: string, file: string): string;
  /** Electron: open another folder; serve mode: null (it serves one folder). */
  open: ((path: string) => Promise<RunSource>) | null;
  /** SwanLab accounts; null where they are not offered. */
  accounts: AccountService | null;
  /** Why accounts are not offered (answered with 501), when `accounts` is null. */
  accountsOff?: string;
}

type Handlers = { [C in ChannelName]: (req: RequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C> };

function needAccounts(host: ApiHost): AccountService {
  if (!host.accounts) throw Object.assign(new Error(host.accountsOff ?? 'SwanLab accounts are not available here'), { status: 501 });
  return host.accounts;
}

function nothingOpen(canOpenFolders: boolean): WorkspaceView {
  return { sourceId: null, kind: null, target: null, folderKey: null, runs: [], issues: [], canOpenFolders };
}

/** Starts sampling the charts a window opens on while its page loads (the folder's UI state says which). */
export function prefetchFirstScreen(src: RunSource, store: UiStateStore): void {
  const folderKey = src.view().folderKey;
  // only a head start: whatever fails here fails again, and is reported, when the page asks
  if (src.prefetch && folderKey) void store.get(folderKey).then((ui) => src.prefetch!(ui)).catch(() => {});
}

/** Every channel of the contract, implemented once for both transports. */
export function createHandlers(host: ApiHost): Handlers {
  return {
    'workspace.get': ({ source }) => (source ? host.sources.get(source).view() : host.sources.folder()?.view() ?? nothingOpen(host.open !== null)),
    'workspace.open': async ({ path }) => {
      if (!host.open) throw Object.assign(new Error('this server shows one folder; start `swanview serve PATH` for another'), { status: 403 });
      const src = await host.open(path);
      prefetchFirstScreen(src, host.store);
      await host.store.addRecent(src.view().target ?? path);
      return src.view();
    },
    'workspace.recent': () => host.store.recent(),
    'series.get': ({ source, key, runIds, width, range }) => host.sources.get(source).series(key, runIds, width, range),
    'media.get': ({ source, runId, key }) => host.sources.get(source).media(runId, key, (r, k, f) => host.mediaUrl(source, r, k, f)),
    'run.details': ({ source, runId }) => host.sources.get(source).details(runId),
    'run.console': ({ source, runId, since, anchor }) => host.sources.get(source).console(runId, since, anchor),
    'accounts.list': () => needAccounts(host).list(),
    'accounts.add': ({ host: h, apiKey }) => needAccounts(host).add(h, apiKey),
    'accounts.import': () => needAccounts(host).importFound(),
    'accounts.remove': ({ accountId }) => {
      const accounts = needAccounts(host);
      for (const id of accounts.sourcesOf(accountId)) host.sources.remove(id);
      return accounts.remove(accountId);
    },
    'cloud.workspaces': ({ accountId }) => needAccounts(host).workspaces(accountId),
    'cloud.projects': (req) => needAccounts(host).projects(req),
    'cloud.runs': (req) => needAccounts(host).runs(req),
    'cloud.open': async (req) => host.sources.add(await needAccounts(host).open(req)).view(),
    'state.get': ({ folderKey }) => host.store.get(folderKey),
    'state.set': ({ folderKey, state }) => host.store.set(folderKey, state),
  };
}

/** Validates an untrusted (name, request) pair and runs the channel's handler. */
export async function dispatch(handlers: Handlers, name: string, raw: unknown): Promise<unknown> {
  const { name: channel, request } = parseRequest(name, raw);
  const handler = handlers[channel] as (req: unknown) => unknown;
  return handler(request);
}
