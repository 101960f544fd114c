import type { ApiClient, PreloadBridge } from '../../../shared/client';
import { createHttpClient } from './httpClient';
import { createIpcClient } from './ipcClient';
import { shareChangeFeed } from './sharedChangeFeed';

declare global {
  interface Window {
    swanview?: PreloadBridge;
  }
}

/** IPC inside the desktop app, HTTP when the page comes from `swanview serve`. */
export function createClient(): ApiClient {
  return shareChangeFeed(window.swanview ? createIpcClient(window.swanview) : createHttpClient());
}
