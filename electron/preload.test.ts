// The preload runs with a mocked 'electron' module and a bare EventTarget as `window`.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { PreloadBridge, ShellCommand } from '../shared/client';
import { CHANNEL_NAMES, type ChangeEvent } from '../shared/contract';
import { IPC_CHANGE, IPC_COMMAND, IPC_INVOKE } from './shell/ipcChannels';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    listeners,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: {
      invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true })),
      on: vi.fn((channel: string, l: (...args: unknown[]) => void) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(l);
      }),
      removeListener: vi.fn((channel: string, l: (...args: unknown[]) => void) => listeners.get(channel)?.delete(l)),
    },
    webUtils: { getPathForFile: vi.fn((file: { path: string }) => file.path) },
  };
});
vi.mock('electron', () => electron);

const PRELOAD = path.join(__dirname, 'preload.ts');
let bridge: PreloadBridge;
const page = new EventTarget();
const reload = vi.fn();
const alert = vi.fn();

beforeAll(async () => {
  vi.stubGlobal('window', page);
  vi.stubGlobal('location', { reload });
  vi.stubGlobal('alert', alert);
  await import(/* @vite-ignore */ PRELOAD); // a path in a variable keeps this DOM file out of the Node type check
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [name, exposed] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, PreloadBridge];
  expect(name).toBe('swanview');
  bridge = exposed;
});

function emit(channel: string, payload: unknown): void {
  for (const l of electron.listeners.get(channel) ?? []) l({ sender: 'the ipc event' }, payload);
}

describe('preload bridge', () => {
  it('exposes exactly invoke, onChange and onCommand', () => {
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onChange', 'onCommand']);
  });

  it('forwards every contract channel over the one invoke channel', async () => {
    for (const channel of CHANNEL_NAMES) {
      electron.ipcRenderer.invoke.mockClear();
      await expect(bridge.invoke(channel, { a: 1 })).resolves.toEqual({ ok: true });
      expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_INVOKE, channel, { a: 1 });
    }
  });

  it('rejects anything else before it reaches IPC', async () => {
    electron.ipcRenderer.invoke.mockClear();
    for (const channel of ['fs.read', 'constructor', '__proto__', 'toString', '', 'swanview:invoke', 42, null]) {
      await expect(bridge.invoke(channel as string, {})).rejects.toThrow(/unknown channel/);
    }
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('delivers change events and commands without the Electron event, until unsubscribed', () => {
    const changes: ChangeEvent[] = [];
    const commands: ShellCommand[] = [];
    const offChange = bridge.onChange((e) => changes.push(e));
    const offCommand = bridge.onCommand((c) => commands.push(c));
    const change: ChangeEvent = { source: 'folder:x', newRuns: ['r'], runs: [] };
    emit(IPC_CHANGE, change);
    emit(IPC_COMMAND, { kind: 'theme.toggle' });
    offChange();
    offCommand();
    emit(IPC_CHANGE, change);
    emit(IPC_COMMAND, { kind: 'language.set', language: 'zh' });
    expect(changes).toEqual([change]);
    expect(commands).toEqual([{ kind: 'theme.toggle' }]);
  });
});

function drop(files: { path: string }[]): Event {
  const e = Object.assign(new Event('drop', { cancelable: true }), { dataTransfer: { files, types: ['Files'] } });
  page.dispatchEvent(e);
  return e;
}

describe('dropping a folder on the window', () => {
  it('opens it through workspace.open, then reloads the page', async () => {
    electron.ipcRenderer.invoke.mockClear();
    const e = drop([{ path: '/data/swanlog' }]);
    expect(e.defaultPrevented).toBe(true);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_INVOKE, 'workspace.open', { path: '/data/swanlog' });
    await vi.waitFor(() => expect(reload).toHaveBeenCalled());
  });

  it('says why when the folder cannot be opened', async () => {
    electron.ipcRenderer.invoke.mockRejectedValueOnce(new Error("Error invoking remote method 'swanview:invoke': Error: /x is not a swanlog folder: …"));
    drop([{ path: '/x' }]);
    await vi.waitFor(() => expect(alert).toHaveBeenCalledWith('/x is not a swanlog folder: …'));
  });

  it('ignores drops without files', () => {
    electron.ipcRenderer.invoke.mockClear();
    expect(drop([]).defaultPrevented).toBe(false);
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });
});

describe('preload source', () => {
  const source = readFileSync(PRELOAD, 'utf8');

  it("requires nothing but 'electron' at run time (a sandboxed preload cannot load other files)", () => {
    const runtimeImports = [...source.matchAll(/^import (?!type )[^;]* from '([^']+)'/gm)].map((m) => m[1]);
    expect(runtimeImports).toEqual(['electron']);
    expect(source).not.toMatch(/\brequire\(/);
  });
});
