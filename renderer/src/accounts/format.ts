import type { AccountView } from '../../../shared/contract';

/** `swanlab.cn`, `127.0.0.1:8000`: a web host without scheme or trailing slash. */
export function hostName(url: string): string {
  return url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/+$/, '');
}

/** `alice @ swanlab.cn` */
export function accountLabel(a: Pick<AccountView, 'username' | 'webHost'>): string {
  return `${a.username} @ ${hostName(a.webHost)}`;
}
