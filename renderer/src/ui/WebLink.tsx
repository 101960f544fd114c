import type { AnchorHTMLAttributes } from 'react';
import { classNames } from './classNames';
import { ExternalIcon } from './icons';

type Props = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'target' | 'rel' | 'title' | 'aria-label'> & { href: string; label: string };

/** An icon link to a SwanLab web page, opened outside the app. */
export function WebLink({ label, className, ...rest }: Props) {
  return (
    <a className={classNames('icon-btn web-link', className)} target="_blank" rel="noopener noreferrer" title={label} aria-label={label} {...rest}>
      <ExternalIcon />
    </a>
  );
}
