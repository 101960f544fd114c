// The main process wiring, run against a stand-in 'electron' module (no Electron binary can
// run here): the window's settings, the IPC gate, navigation policy, media protocol, change
// feed, menu commands and folder switching, exactly as main.ts connects them.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AccountsView, WorkspaceView } from '../shared/contract';
import { keyIn, walkEveryChannel } from './testkit/everyChannel';
import { startFakeHosts } from './testkit/fakeSwanlab/fakeHosts';
import { KEYS } from './testkit/fakeSwanlab/sampleModel';
import { FIXTURES_DIR, writableCopy } from './testkit/fixtures';
import { IPC_CHANGE, IPC_COMMAND, IPC_INVOKE } from './shell/ipcChannels';
import type { MenuItemConstructorOptions } from 'electron';

const fake = vi.hoisted(() => {
  const { EventEmitter: Emitter } = require('node:events') as typeof import('node:events');
  const paths: Record<string, string> = {};
  let markReady: () => void = () => {};
  const ready = new Promise<void>((r) => (markReady = r));
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    setPath: (name: string, value: string) => void (paths[name] = value),
    getPath: (name: string) => paths[name],
    requestSingleInstanceLock: () => true,
    whenReady: () => ready,
    quit: () => {},
    exit: () => {},
  });
  class WebContents extends Emitter {
    id = 41;
    send = (..._args: unknown[]) => {};
    reload = () => {};
    toggleDevTools = () => {};
    openHandler: ((d: { url: string }) => { action: string }) | null = null;
    setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
      this.openHandler = h;
    }
  }
  class BrowserWindow extends Emitter {
    static created: BrowserWindow[] = [];
    webContents = new WebContents();
    loaded: string | null = null;
    constructor(readonly options: Record<string, any>) {
      super();
      BrowserWindow.created.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    async loadFile(file: string) {
      this.loaded = file;
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 10, y: 20, width: 900, height: 700 });
    show() {}
    maximize() {}
    restore() {}
    focus() {}
  }
  return {
    app,
    BrowserWindow,
    markReady,
    ipcHandlers: new Map<string, (...args: any[]) => Promise<unknown>>(),
    protocolHandlers: new Map<string, (req: Request) => Promise<Response>>(),
    privileged: [] as unknown[],
    menus: [] as MenuItemConstructorOptions[][],
    opened: [] as string[],
    errors: [] as string[],
    permission: null as null | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
    permissionCheck: null as null | (() => boolean),
  };
});

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: fake.BrowserWindow,
  ipcMain: { handle: (channel: string, h: (...args: any[]) => Promise<unknown>) => fake.ipcHandlers.set(channel, h) },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privileged.push(...schemes),
    handle: (scheme: string, h: (req: Request) => Promise<Response>) => fake.protocolHandlers.set(scheme, h),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h: typeof fake.permission) => (fake.permission = h),
      setPermissionCheckHandler: (h: typeof fake.permissionCheck) => (fake.permissionCheck = h),
    },
  },
  Menu: { buildFromTemplate: (t: MenuItemConstructorOptions[]) => t, setApplicationMenu: (t: MenuItemConstructorOptions[]) => fake.menus.push(t) },
  dialog: { showErrorBox: (_title: string, message: string) => fake.errors.push(message), showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  shell: { openExternal: async (url: string) => void fake.opened.push(url) },
  // a stand-in keyring: XOR, so a test can tell ciphertext from the key
  safeStorage: {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (text: string) => Buffer.from(Buffer.from(text, 'utf8').map((b) => b ^ 0x5a)),
    decryptString: (sealed: Buffer) => Buffer.from(sealed.map((b) => b ^ 0x5a)).toString('utf8'),
  },
}));

let SWANLOG: string;
const OTHER = path.join(FIXTURES_DIR, 'swanlog-0.5.9');
const INDEX_URL = pathToFileURL(path.resolve(__dirname, '..', 'renderer', 'index.html')).href;
let userData: string;
let win: InstanceType<typeof fake.BrowserWindow>;
const argv = process.argv;

beforeAll(async () => {
  userData = await fs.mkdtemp(path.join(os.tmpdir(), 'swanview-main-'));
  SWANLOG = writableCopy(path.join(FIXTURES_DIR, 'swanlog-0.9.7'), 'main-wiring');
  process.env.SWANVIEW_USER_DATA_DIR = userData;
  process.argv = ['/opt/swanview/swanview', SWANLOG];
  await import('./main.js');
  fake.markReady();
  await vi.waitFor(() => expect(fake.BrowserWindow.created[0]?.loaded).toBeTruthy(), { timeout: 20_000 });
  win = fake.BrowserWindow.created[0];
}, 30_000);

afterAll(async () => {
  process.argv = argv;
  delete process.env.SWANVIEW_USER_DATA_DIR;
  await fs.rm(userData, { recursive: true, force: true });
  await fs.rm(path.dirname(SWANLOG), { recursive: true, force: true });
});

function trustedEvent() {
  return { sender: { id: win.webContents.id }, senderFrame: { url: INDEX_URL, parent: null } };
}

function invoke(event: unknown, channel: unknown, request: unknown): Promise<unknown> {
  return fake.ipcHandlers.get(IPC_INVOKE)!(event, channel, request);
}

function navigate(url: string): { prevented: boolean } {
  const result = { prevented: false };
  win.webContents.emit('will-navigate', { url, preventDefault: () => (result.prevented = true) });
  return result;
}

function menuItem(...labels: string[]): MenuItemConstructorOptions {
  let list = fake.menus[fake.menus.length - 1];
  let item: MenuItemConstructorOptions | undefined;
  for (const label of labels) {
    item = list.find((i) => i.label === label);
    list = (item?.submenu ?? []) as MenuItemConstructorOptions[];
  }
  return item!;
}

describe('electron/main.ts wiring', () => {
  it('registers the media scheme as privileged before ready', () => {
    expect(fake.privileged).toEqual([{ scheme: 'swanview-media', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);
  });

  it('opens one locked-down window on dist/renderer/index.html with the sandboxed preload', () => {
    expect(fake.BrowserWindow.created).toHaveLength(1);
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, devTools: true });
    expect(win.options.webPreferences.preload).toBe(path.join(__dirname, 'preload.js'));
    expect(win.loaded).toBe(path.resolve(__dirname, '..', 'renderer', 'index.html'));
  });

  it('has opened the command-line folder before the page loads, and lists it as recent', async () => {
    const view = (await invoke(trustedEvent(), 'workspace.get', {})) as WorkspaceView;
    expect(view.target).toBe(SWANLOG);
    expect(view.runs).toHaveLength(3);
    expect(await invoke(trustedEvent(), 'workspace.recent', {})).toEqual([SWANLOG]);
    expect(menuItem('File', 'Open Recent', SWANLOG)).toBeTruthy();
  });

  it('answers IPC only from the main frame of its window on its own page', async () => {
    const other = { sender: { id: 99 }, senderFrame: { url: INDEX_URL, parent: null } };
    const subframe = { sender: { id: win.webContents.id }, senderFrame: { url: INDEX_URL, parent: {} } };
    const elsewhere = { sender: { id: win.webContents.id }, senderFrame: { url: 'https://example.com/', parent: null } };
    const gone = { sender: { id: win.webContents.id }, senderFrame: null };
    for (const event of [other, subframe, elsewhere, gone]) await expect(invoke(event, 'workspace.get', {})).rejects.toThrow(/refused/);
  });

  it('validates channel and request before any handler runs', async () => {
    await expect(invoke(trustedEvent(), 'fs.readFile', {})).rejects.toThrow(/unknown channel "fs.readFile"/);
    await expect(invoke(trustedEvent(), { toString: () => 'workspace.get' }, {})).rejects.toThrow(/unknown channel/);
    await expect(invoke(trustedEvent(), 'series.get', { source: 'folder:x', key: 'x' })).rejects.toThrow(/series.get: invalid request at runIds/);
    await expect(invoke(trustedEvent(), 'run.details', { runId: 'run-x' })).rejects.toThrow(/run.details: invalid request at source/);
  });

  it('blocks navigation away, sending http(s) to the OS browser, and denies new windows', () => {
    expect(navigate(`${INDEX_URL}#reload`).prevented).toBe(false);
    expect(navigate('file:///etc/').prevented).toBe(true);
    expect(navigate('https://swanlab.cn/docs').prevented).toBe(true);
    expect(win.webContents.openHandler!({ url: 'https://example.com/x' })).toEqual({ action: 'deny' });
    expect(win.webContents.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(fake.opened).toEqual(['https://swanlab.cn/docs', 'https://example.com/x']);
    const attach = { prevented: false };
    win.webContents.emit('will-attach-webview', { preventDefault: () => (attach.prevented = true) });
    expect(attach.prevented).toBe(true);
  });

  it('denies every permission', () => {
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read']) fake.permission!(win.webContents, p, (ok) => answers.push(ok));
    expect(answers).toEqual([false, false, false, false]);
    expect(fake.permissionCheck!()).toBe(false);
  });

  it('serves recorded media over swanview-media:// and nothing else', async () => {
    const view = (await invoke(trustedEvent(), 'workspace.get', {})) as WorkspaceView;
    const media = (await invoke(trustedEvent(), 'media.get', { source: view.sourceId, runId: view.runs[0].info.id, key: 'samples/pred' })) as { points: { urls: (string | null)[] }[] };
    const url = media.points[0].urls.find((u) => u)!;
    expect(url.startsWith('swanview-media://media/?')).toBe(true);
    const handler = fake.protocolHandlers.get('swanview-media')!;
    expect((await handler(new Request(url))).status).toBe(200);
    expect((await handler(new Request(url.replace(/file=[^&]+/, 'file=..%2F..%2Fruns.swanlab')))).status).toBe(404);
  });

  it('pushes the change feed and menu commands to the window', async () => {
    const sent: unknown[][] = [];
    win.webContents.send = (...args: unknown[]) => void sent.push(args);
    (menuItem('View', 'Toggle Theme').click as () => void)();
    (menuItem('View', 'Language', '中文').click as () => void)();
    expect(sent).toEqual([[IPC_COMMAND, { kind: 'theme.toggle' }], [IPC_COMMAND, { kind: 'language.set', language: 'zh' }]]);
    const run = (await fs.readdir(SWANLOG)).find((n) => n.startsWith('run-'))!;
    await fs.cp(path.join(SWANLOG, run), path.join(SWANLOG, 'run-20991231_000000-appeared'), { recursive: true });
    await vi.waitFor(() => expect(sent).toContainEqual([IPC_CHANGE, expect.objectContaining({ newRuns: ['run-20991231_000000-appeared'] })]), { timeout: 20_000 });
  });

  it('a second `swanview PATH` switches the window to PATH and reloads the page', async () => {
    let reloads = 0;
    win.webContents.reload = () => void reloads++;
    fake.app.emit('second-instance', {}, ['/opt/swanview/swanview', '--some-switch', OTHER], '/');
    await vi.waitFor(() => expect(reloads).toBe(1), { timeout: 20_000 });
    expect(((await invoke(trustedEvent(), 'workspace.get', {})) as WorkspaceView).target).toBe(OTHER);
    expect(await invoke(trustedEvent(), 'workspace.recent', {})).toEqual([OTHER, SWANLOG]);
  });

  it('shows why a folder cannot be opened and keeps the current one', async () => {
    fake.app.emit('second-instance', {}, ['/opt/swanview/swanview', path.join(FIXTURES_DIR, 'manifests')], '/');
    await vi.waitFor(() => expect(fake.errors.join('\n')).toMatch(/is not a swanlog folder/), { timeout: 20_000 });
    expect(((await invoke(trustedEvent(), 'workspace.get', {})) as WorkspaceView).target).toBe(OTHER);
  });

  it('remembers the window bounds in the user-data folder', async () => {
    win.emit('close');
    await vi.waitFor(async () => {
      const saved = JSON.parse(await fs.readFile(path.join(userData, 'window-state.json'), 'utf8'));
      expect(saved).toEqual({ x: 10, y: 20, width: 900, height: 700, maximized: false });
    });
  });
});

describe('SwanLab accounts over IPC', () => {
  it('keeps keys with safeStorage and never hands one to the window: every channel, its errors and pushes', async () => {
    const hosts = await startFakeHosts({ points: 500 });
    hosts.cloud.faults.echoCredentials = true;
    hosts.private.faults.echoCredentials = true;
    const home = await fs.mkdtemp(path.join(os.tmpdir(), 'swanview-main-home-'));
    await fs.mkdir(path.join(home, '.swanlab'));
    await fs.writeFile(path.join(home, '.swanlab', '.netrc'), `machine ${hosts.private.origin}\n\tlogin ${hosts.private.origin}\n\tpassword ${KEYS.bob}\n`);
    const saved = { HOME: process.env.HOME, SWANLAB_API_KEY: process.env.SWANLAB_API_KEY, SWANLAB_API_HOST: process.env.SWANLAB_API_HOST };
    Object.assign(process.env, { HOME: home, SWANLAB_API_KEY: KEYS.carol, SWANLAB_API_HOST: hosts.cloud.origin });
    const seen: string[] = [];
    win.webContents.send = (...args: unknown[]) => void seen.push(JSON.stringify(args));
    try {
      const list = (await invoke(trustedEvent(), 'accounts.list', {})) as AccountsView;
      expect(list.keyStorage).toEqual({ kind: 'safeStorage', location: path.join(userData, 'swanlab-keys.enc.json') });
      await walkEveryChannel({
        call: async (channel, request) => {
          try {
            const data = await invoke(trustedEvent(), channel, request);
            seen.push(JSON.stringify(data));
            return { status: null, data, error: null };
          } catch (e) {
            seen.push((e as Error).message);
            return { status: null, data: null, error: (e as Error).message };
          }
        },
        loadMedia: async (url) => {
          const res = await fake.protocolHandlers.get('swanview-media')!(new Request(url));
          seen.push(Buffer.from(await res.arrayBuffer()).toString('latin1'));
          return res.status;
        },
      }, hosts);
      expect(seen.join('\n')).toContain('injected failure');
      expect(keyIn(seen.join('\n'))).toBeNull();
      const sealed = await fs.readFile(path.join(userData, 'swanlab-keys.enc.json'), 'utf8');
      expect(Object.keys(JSON.parse(sealed))).toEqual([`${hosts.private.origin}#alice`, `${hosts.private.origin}#bob`]);
      expect(keyIn(sealed)).toBeNull();
      expect(keyIn(await fs.readFile(path.join(userData, 'accounts.json'), 'utf8'))).toBeNull();
      await expect(fs.stat(path.join(userData, 'swanlab-keys.json'))).rejects.toThrow();
    } finally {
      Object.assign(process.env, saved);
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
      await hosts.close();
      await fs.rm(home, { recursive: true, force: true });
    }
  });
});
