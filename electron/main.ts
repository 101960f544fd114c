// The Electron main process: wiring only. Every capability lives in a plain module (api/,
// shell/, swanlog/) that does not import 'electron' and is unit-tested on its own.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, screen, session, shell, type WebContents } from 'electron';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ShellCommand } from '../shared/client';
import type { ChangeEvent } from '../shared/contract';
import { createHandlers, dispatch, type ApiHost } from './api/dispatch';
import { SourceRegistry } from './api/sourceRegistry';
import { UiStateStore } from './api/uiStateStore';
import { AccountManager } from './cloud/accountManager';
import { folderFromArgv } from './shell/argvFolder';
import { CurrentSource } from './shell/currentSource';
import { IPC_CHANGE, IPC_COMMAND, IPC_INVOKE } from './shell/ipcChannels';
import { externalLink, navigationDecision } from './shell/linkPolicy';
import { buildMenuTemplate, type MenuActions } from './shell/menuTemplate';
import { createMediaHandler, MEDIA_SCHEME, mediaProtocolUrl } from './shell/mediaProtocol';
import { desktopKeyStore } from './shell/safeStorageKeyStore';
import { isTrustedSender } from './shell/senderPolicy';
import { MIN_SIZE, placeWindow, readWindowState, writeWindowState } from './shell/windowState';

const INDEX_FILE = path.join(__dirname, '..', 'renderer', 'index.html');
const INDEX_URL = pathToFileURL(INDEX_FILE).href;

// Tests (and portable setups) keep state and the single-instance lock in a folder of their own.
if (process.env.SWANVIEW_USER_DATA_DIR) app.setPath('userData', path.resolve(process.env.SWANVIEW_USER_DATA_DIR));
const userData = app.getPath('userData');

protocol.registerSchemesAsPrivileged([{ scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);

const current = new CurrentSource(1000, (e) => process.stderr.write(`swanview: ${e.message}\n`));
const store = new UiStateStore(path.join(userData, 'ui-state.json'));
const sources = new SourceRegistry(current);
const host: ApiHost = { sources, store, mediaUrl: mediaProtocolUrl, open: (folder) => current.open(folder), accounts: null };
const handlers = createHandlers(host);
let win: BrowserWindow | null = null;
/** A folder handed over before the window exists (macOS `open-file` at launch). */
let launchFolder: string | null = null;
let savingWindowState: Promise<void> = Promise.resolve();

function send(channel: string, payload: ChangeEvent | ShellCommand): void {
  if (win && !win.isDestroyed()) win.webContents.send(channel, payload);
}

function argvFolder(argv: readonly string[], cwd: string): string | null {
  return folderFromArgv(argv, { defaultApp: process.defaultApp === true, cwd });
}

/** Opens a folder through the same handler as the `workspace.open` channel (so it joins the recent list). */
async function openFolder(folder: string): Promise<boolean> {
  try {
    await handlers['workspace.open']({ path: folder });
    return true;
  } catch (e) {
    dialog.showErrorBox('swanview cannot open this folder', (e as Error).message);
    return false;
  } finally {
    await refreshMenu();
  }
}

/** A folder switch the renderer did not ask for (menu, second instance, Finder): the page starts over on it. */
async function switchFolder(folder: string): Promise<void> {
  if ((await openFolder(folder)) && win && !win.isDestroyed()) win.webContents.reload();
}

async function pickFolder(): Promise<void> {
  const options = { title: 'Open a swanlog folder', properties: ['openDirectory' as const] };
  const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  if (!picked.canceled && picked.filePaths[0]) await switchFolder(picked.filePaths[0]);
}

const menuActions: MenuActions = {
  openFolder: () => void pickFolder(),
  openRecent: (folder) => void switchFolder(folder),
  reload: () => win?.webContents.reload(),
  toggleTheme: () => send(IPC_COMMAND, { kind: 'theme.toggle' }),
  setLanguage: (language) => send(IPC_COMMAND, { kind: 'language.set', language }),
  toggleDevTools: () => win?.webContents.toggleDevTools(),
};

async function refreshMenu(): Promise<void> {
  const template = buildMenuTemplate({ recent: await store.recent(), isPackaged: app.isPackaged, platform: process.platform }, menuActions);
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** Every web page of the app: no new windows, no navigation away, no webviews; http(s) links go to the OS browser. */
function lockDown(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    const link = externalLink(url);
    if (link) void shell.openExternal(link);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    const decision = navigationDecision(event.url, INDEX_URL);
    if (decision.action === 'allow') return;
    event.preventDefault();
    if (decision.action === 'external') void shell.openExternal(decision.url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function serveIpc(): void {
  ipcMain.handle(IPC_INVOKE, async (event, channel: unknown, request: unknown) => {
    const frame = event.senderFrame;
    const trusted = win && !win.isDestroyed() ? { webContentsId: win.webContents.id, indexUrl: INDEX_URL } : null;
    const sender = { webContentsId: event.sender.id, frameUrl: frame?.url ?? null, isMainFrame: frame !== null && frame.parent === null };
    if (!isTrustedSender(sender, trusted)) throw new Error('refused: the request did not come from the swanview window');
    const result = await dispatch(handlers, typeof channel === 'string' ? channel : '', request);
    if (channel === 'workspace.open') await refreshMenu();
    return result;
  });
  sources.onChange((e) => send(IPC_CHANGE, e));
}

async function createWindow(): Promise<BrowserWindow> {
  const stateFile = path.join(userData, 'window-state.json');
  const placed = placeWindow(await readWindowState(stateFile), screen.getAllDisplays().map((d) => d.workArea));
  const w = new BrowserWindow({
    x: placed.x, y: placed.y, width: placed.width, height: placed.height,
    minWidth: MIN_SIZE.width, minHeight: MIN_SIZE.height, show: false, title: 'swanview',
    webPreferences: {
      preload: path.join(__dirname, 'preload.js'),
      contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true,
      devTools: !app.isPackaged, spellcheck: false,
    },
  });
  w.once('ready-to-show', () => {
    if (placed.maximized) w.maximize();
    w.show();
  });
  w.on('close', () => {
    savingWindowState = writeWindowState(stateFile, { ...w.getNormalBounds(), maximized: w.isMaximized() }).catch(() => {});
  });
  w.on('closed', () => {
    win = null;
  });
  return w;
}

async function start(): Promise<void> {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  protocol.handle(MEDIA_SCHEME, createMediaHandler((id) => sources.find(id)));
  // keys: safeStorage (asked only now: Linux knows its keyring once the app is ready), else a 0600 file
  host.accounts = new AccountManager({ dataDir: userData, keys: desktopKeyStore(safeStorage, userData), canOpenFolders: true });
  serveIpc();
  win = await createWindow();
  const folder = launchFolder ?? argvFolder(process.argv, process.cwd());
  if (folder) await openFolder(folder);
  else {
    const last = (await store.recent())[0];
    if (last) await current.open(last).catch(() => null); // a folder that is gone just leaves the window empty
    await refreshMenu();
  }
  await win.loadFile(INDEX_FILE);
}

if (!app.requestSingleInstanceLock()) {
  app.quit(); // the running instance got our argv in 'second-instance'
} else {
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
  app.on('second-instance', (_event, argv, cwd) => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
    const folder = argvFolder(argv, cwd);
    if (folder) void switchFolder(folder);
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (win) void switchFolder(file);
    else launchFolder = file;
  });
  app.on('window-all-closed', () => {
    void savingWindowState.finally(() => app.quit());
  });
  app.whenReady().then(start).catch((e: Error) => {
    process.stderr.write(`swanview: ${e.stack ?? e.message}\n`);
    app.exit(1);
  });
}
