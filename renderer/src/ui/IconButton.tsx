import type { ButtonHTMLAttributes } from 'react';
import { classNames } from './classNames';

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'title' | 'aria-label'> & {
  /** Tooltip and accessible name at once (the button shows only an icon). */
  label: string;
  /** Drawn pressed (a toggle that is on, a panel that is open). */
  active?: boolean;
};

/** A small icon-only button. */
export function IconButton({ label, active = false, className, children, ...rest }: Props) {
  return (
    <button type="button" className={classNames('icon-btn', className, active && 'active')} title={label} aria-label={label} {...rest}>
      {children}
    </button>
  );
}
