import type { ApiClient, PreloadBridge } from '../../../shared/client';
import { createHttpClient } from './httpClient';
import { createIpcClient } from './ipcClient';

declare global {
  interface Window {
    swanview?: PreloadBridge;
  }
}

/** IPC inside the desktop app, HTTP when the page comes from `swanview serve`. */
export function createClient(): ApiClient {
  return window.swanview ? createIpcClient(window.swanview) : createHttpClient();
}
