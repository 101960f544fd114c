// The sandboxed preload: it may require nothing but 'electron', so the few shared names are
// inlined here (preload.test.ts checks them against shell/ipcChannels.ts and the contract).
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { PreloadBridge, ShellCommand } from '../shared/client';
import type { ChangeEvent, ChannelName } from '../shared/contract';

const IPC_INVOKE = 'swanview:invoke';
const IPC_CHANGE = 'swanview:change';
const IPC_COMMAND = 'swanview:command';

/** Every contract channel, and nothing else (the type makes a missing or unknown name a compile error). */
const CHANNELS: Record<ChannelName, true> = {
  'workspace.get': true,
  'workspace.open': true,
  'workspace.recent': true,
  'series.get': true,
  'media.get': true,
  'run.details': true,
  'run.console': true,
  'accounts.list': true,
  'accounts.add': true,
  'accounts.import': true,
  'accounts.remove': true,
  'cloud.workspaces': true,
  'cloud.projects': true,
  'cloud.runs': true,
  'cloud.open': true,
  'state.get': true,
  'state.set': true,
};

function subscribe<T>(channel: string, listener: (payload: T) => void): () => void {
  // the Electron event carries `sender`; the page only ever sees the payload
  const forward = (_event: IpcRendererEvent, payload: T) => listener(payload);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

const bridge: PreloadBridge = {
  invoke(channel, request) {
    if (typeof channel !== 'string' || !Object.prototype.hasOwnProperty.call(CHANNELS, channel)) {
      return Promise.reject(new Error(`unknown channel ${JSON.stringify(channel)}`));
    }
    return ipcRenderer.invoke(IPC_INVOKE, channel, request);
  },
  onChange: (listener) => subscribe<ChangeEvent>(IPC_CHANGE, listener),
  onCommand: (listener) => subscribe<ShellCommand>(IPC_COMMAND, listener),
};

contextBridge.exposeInMainWorld('swanview', bridge);

// A folder dropped on the window: only the preload can turn a dropped File into a path
// (webUtils), and it hands that path to the validated `workspace.open` channel like any other.
// The page then reloads, as after File ▸ Open Folder.
window.addEventListener('dragover', (e) => {
  if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
});
window.addEventListener('drop', (e) => {
  const file = e.dataTransfer?.files[0];
  if (!file) return;
  e.preventDefault();
  const folder = webUtils.getPathForFile(file);
  if (!folder) return;
  bridge.invoke('workspace.open', { path: folder }).then(
    () => location.reload(),
    (err: Error) => alert(err.message.replace(/^Error invoking remote method '[^']*': (Error: )?/, '')),
  );
});
