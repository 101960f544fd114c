import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../shared/client';

/** What the menu can ask the app to do; main.ts wires each to Electron. */
export interface MenuActions {
  openFolder(): void;
  openRecent(folder: string): void;
  reload(): void;
  toggleTheme(): void;
  setLanguage(language: Language): void;
  toggleDevTools(): void;
}

export interface MenuOptions {
  recent: readonly string[];
  /** DevTools are offered only in development builds. */
  isPackaged: boolean;
  platform: NodeJS.Platform;
}

const LANGUAGES: readonly { language: Language; label: string }[] = [
  { language: 'en', label: 'English' },
  { language: 'zh', label: '中文' },
];

/** The application menu as an Electron template (plain data, so it can be tested without Electron). */
export function buildMenuTemplate(opts: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = opts.platform === 'darwin';
  const recent: MenuItemConstructorOptions[] = opts.recent.length
    ? opts.recent.map((folder) => ({ label: folder, click: () => actions.openRecent(folder) }))
    : [{ label: 'No recent folders', enabled: false }];
  const view: MenuItemConstructorOptions[] = [
    { label: 'Reload', accelerator: 'CmdOrCtrl+R', click: () => actions.reload() },
    { label: 'Toggle Theme', accelerator: 'CmdOrCtrl+Shift+T', click: () => actions.toggleTheme() },
    { label: 'Language', submenu: LANGUAGES.map(({ language, label }) => ({ label, click: () => actions.setLanguage(language) })) },
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (!opts.isPackaged) {
    view.push({ type: 'separator' }, { label: 'Toggle Developer Tools', accelerator: mac ? 'Alt+Cmd+I' : 'Ctrl+Shift+I', click: () => actions.toggleDevTools() });
  }
  return [
    ...(mac ? [{ role: 'appMenu' } as const] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open Folder…', accelerator: 'CmdOrCtrl+O', click: () => actions.openFolder() },
        { label: 'Open Recent', submenu: recent },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
}
