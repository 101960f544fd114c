import type { APIRequestContext } from '@playwright/test';

/** Calls the typed contract over HTTP, as the page does (JSON bodies; typed arrays not needed here). */
export async function rpc<T>(request: APIRequestContext, url: string, channel: string, body: unknown = {}): Promise<T> {
  const res = await request.post(`${url}/rpc/${channel}`, { data: body });
  if (!res.ok()) throw new Error(`${channel}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

export interface UiStateJson {
  pinned: string[];
  hidden: string[];
  folded: string[];
  hiddenRuns: string[];
}

export async function uiState(request: APIRequestContext, url: string): Promise<UiStateJson> {
  const ws = await rpc<{ folderKey: string }>(request, url, 'workspace.get');
  return rpc<UiStateJson>(request, url, 'state.get', { folderKey: ws.folderKey });
}
