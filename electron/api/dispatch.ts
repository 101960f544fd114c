import { parseRequest, type ChannelName, type RequestOf, type ResponseOf } from '../../shared/contract';
import type { RunSource } from './source';
import type { UiStateStore } from './uiStateStore';

export interface ApiHost {
  source(): RunSource | null;
  store: UiStateStore;
  /** How the transport addresses a media file (HTTP URL or custom protocol). */
  mediaUrl(runId: string, key: string, file: string): string;
  /** Electron: open another folder; serve mode: null (it serves one folder). */
  open: ((path: string) => Promise<RunSource>) | null;
}

type Handlers = { [C in ChannelName]: (req: RequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C> };

function needSource(host: ApiHost): RunSource {
  const s = host.source();
  if (!s) throw Object.assign(new Error('no folder is open'), { status: 409 });
  return s;
}

/** Every channel of the contract, implemented once for both transports. */
export function createHandlers(host: ApiHost): Handlers {
  return {
    'workspace.get': () => host.source()?.view() ?? { target: null, folderKey: null, runs: [], issues: [], canOpenFolders: host.open !== null },
    'workspace.open': async ({ path }) => {
      if (!host.open) throw Object.assign(new Error('this server shows one folder; start `swanview serve PATH` for another'), { status: 403 });
      const src = await host.open(path);
      await host.store.addRecent(src.view().target ?? path);
      return src.view();
    },
    'workspace.recent': () => host.store.recent(),
    'series.get': ({ key, runIds, width, range }) => needSource(host).series(key, runIds, width, range),
    'media.get': ({ runId, key }) => needSource(host).media(runId, key, host.mediaUrl),
    'run.details': ({ runId }) => needSource(host).details(runId),
    'run.console': ({ runId }) => needSource(host).console(runId),
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
