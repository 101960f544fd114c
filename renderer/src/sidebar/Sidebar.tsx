import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/useApi';
import { showView } from '../app/viewSwitch';
import { useAppStore } from '../store/appStore';
import { FOLDER_VIEW, useViewStore, type ViewKey } from '../store/viewStore';
import { FolderIcon, SidebarIcon } from '../ui/icons';
import { IconButton } from '../ui/IconButton';
import { AccountsSection } from './AccountsSection';
import { SidebarItem } from './SidebarItem';
import './sidebar.css';

/** The workspace a view shows, whether it is in front or parked. */
export function useViewWorkspace(view: ViewKey) {
  const front = useAppStore((s) => s.workspace);
  const inFront = useViewStore((s) => s.active === view);
  const parked = useViewStore((s) => s.parked[view]?.workspace ?? null);
  return inFront ? front : parked;
}

const baseName = (p: string) => p.split(/[\\/]/).filter(Boolean).pop() ?? p;

function FoldersSection({ collapsed, onOpenFolder, onShowFolder }: { collapsed: boolean; onOpenFolder(path: string): void; onShowFolder(): void }) {
  const { t } = useTranslation();
  const client = useApi();
  const ws = useViewWorkspace(FOLDER_VIEW);
  const active = useViewStore((s) => s.active === FOLDER_VIEW);
  const frontPhase = useAppStore((s) => s.phase);
  const canOpen = ws?.canOpenFolders ?? false;
  const [recent, setRecent] = useState<string[]>([]);
  useEffect(() => {
    if (canOpen) client.call('workspace.recent', {}).then(setRecent, () => setRecent([]));
  }, [client, canOpen, ws?.target]);

  const select = () => {
    if (active) return;
    showView(client, FOLDER_VIEW);
    onShowFolder();
  };
  const loading = useViewStore((s) => (s.active === FOLDER_VIEW ? null : s.parked[FOLDER_VIEW]?.phase)) ?? frontPhase;
  const name = ws?.target ? baseName(ws.target) : !ws && loading === 'loading' ? t('app.loadingFolder') : t('sidebar.noFolder');
  const others = recent.filter((p) => p !== ws?.target).slice(0, 8);
  return (
    <section className="sidebar-section" aria-label={t('sidebar.folders')}>
      {!collapsed && <h2 className="sidebar-heading">{t('sidebar.folders')}</h2>}
      <ul className="sidebar-list">
        <li>
          <SidebarItem
            data-testid="sidebar-folder"
            active={active}
            collapsed={collapsed}
            icon={<FolderIcon />}
            name={name}
            sub={ws?.target && t('sidebar.runCount', { count: ws.runs.length })}
            title={ws?.target ?? name}
            onClick={select}
          />
        </li>
        {!collapsed && others.map((path) => (
          <li key={path}>
            <SidebarItem
              className="sidebar-recent"
              data-testid="sidebar-recent"
              collapsed={false}
              icon={<FolderIcon />}
              iconClassName="muted"
              name={baseName(path)}
              title={path}
              onClick={() => onOpenFolder(path)}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The left rail: the local folder (and recent ones in the desktop app), then the SwanLab accounts. */
export function Sidebar({ onOpenFolder, onShowFolder }: { onOpenFolder(path: string): void; onShowFolder(): void }) {
  const { t } = useTranslation();
  const collapsed = useViewStore((s) => s.sidebarCollapsed);
  const toggle = useViewStore((s) => s.toggleSidebar);
  return (
    <aside className={`sidebar${collapsed ? ' collapsed' : ''}`} data-testid="sidebar" data-collapsed={collapsed} aria-label={t('sidebar.title')}>
      <div className="sidebar-top">
        <IconButton data-testid="sidebar-toggle" aria-expanded={!collapsed} label={collapsed ? t('sidebar.expand') : t('sidebar.collapse')} onClick={toggle}>
          <SidebarIcon collapsed={collapsed} />
        </IconButton>
      </div>
      <div className="sidebar-scroll">
        <FoldersSection collapsed={collapsed} onOpenFolder={onOpenFolder} onShowFolder={onShowFolder} />
        <AccountsSection collapsed={collapsed} />
      </div>
    </aside>
  );
}
