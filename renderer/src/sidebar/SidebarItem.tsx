import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { classNames } from '../ui/classNames';

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'children' | 'name'> & {
  icon: ReactNode;
  /** Extra class of the icon box (`muted`, `account-avatar`). */
  iconClassName?: string;
  name: ReactNode;
  sub?: ReactNode;
  /** The rail is collapsed: the icon only. */
  collapsed: boolean;
  /** The view shown now; undefined for an entry that is never a view (a recent folder). */
  active?: boolean;
};

/** One entry of the sidebar: an icon, a name and a line under it, drawn active when its view is shown. */
export function SidebarItem({ icon, iconClassName, name, sub, collapsed, active, className, ...rest }: Props) {
  return (
    <button type="button" className={classNames('sidebar-item', className, active && 'active')} data-active={active} aria-current={active ? 'true' : undefined} {...rest}>
      <span className={classNames('sidebar-icon', iconClassName)} aria-hidden="true">{icon}</span>
      {!collapsed && (
        <span className="sidebar-item-text">
          <span className="sidebar-item-name">{name}</span>
          {sub && <span className="sidebar-item-sub">{sub}</span>}
        </span>
      )}
    </button>
  );
}
