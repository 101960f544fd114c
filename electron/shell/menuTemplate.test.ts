import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuActions } from './menuTemplate';

function actions(): MenuActions {
  return { openFolder: vi.fn(), openRecent: vi.fn(), reload: vi.fn(), toggleTheme: vi.fn(), setLanguage: vi.fn(), toggleDevTools: vi.fn() };
}

function find(items: MenuItemConstructorOptions[], ...labels: string[]): MenuItemConstructorOptions {
  let item: MenuItemConstructorOptions | undefined;
  let list = items;
  for (const label of labels) {
    item = list.find((i) => i.label === label);
    if (!item) throw new Error(`no menu item ${labels.join(' ▸ ')}`);
    list = (item.submenu ?? []) as MenuItemConstructorOptions[];
  }
  return item!;
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

describe('buildMenuTemplate', () => {
  it('wires File ▸ Open Folder…, Open Recent and the View commands to the actions', () => {
    const a = actions();
    const menu = buildMenuTemplate({ recent: ['/data/a', '/data/b'], isPackaged: false, platform: 'linux' }, a);
    click(find(menu, 'File', 'Open Folder…'));
    expect(a.openFolder).toHaveBeenCalled();
    click(find(menu, 'File', 'Open Recent', '/data/b'));
    expect(a.openRecent).toHaveBeenCalledWith('/data/b');
    click(find(menu, 'View', 'Reload'));
    click(find(menu, 'View', 'Toggle Theme'));
    click(find(menu, 'View', 'Language', '中文'));
    click(find(menu, 'View', 'Language', 'English'));
    expect(a.reload).toHaveBeenCalled();
    expect(a.toggleTheme).toHaveBeenCalled();
    expect(a.setLanguage).toHaveBeenNthCalledWith(1, 'zh');
    expect(a.setLanguage).toHaveBeenNthCalledWith(2, 'en');
    click(find(menu, 'View', 'Toggle Developer Tools'));
    expect(a.toggleDevTools).toHaveBeenCalled();
  });

  it('offers DevTools only in development builds', () => {
    const menu = buildMenuTemplate({ recent: [], isPackaged: true, platform: 'linux' }, actions());
    expect(() => find(menu, 'View', 'Toggle Developer Tools')).toThrow();
    expect(JSON.stringify(menu)).not.toMatch(/devtools/i);
  });

  it('shows a disabled placeholder when there are no recent folders', () => {
    const recent = find(buildMenuTemplate({ recent: [], isPackaged: false, platform: 'linux' }, actions()), 'File', 'Open Recent');
    expect(recent.submenu).toEqual([{ label: 'No recent folders', enabled: false }]);
  });

  it('adds the app menu on macOS only', () => {
    expect(buildMenuTemplate({ recent: [], isPackaged: true, platform: 'darwin' }, actions())[0]).toEqual({ role: 'appMenu' });
    expect(buildMenuTemplate({ recent: [], isPackaged: true, platform: 'win32' }, actions())[0].label).toBe('File');
  });
});
