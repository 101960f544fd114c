import { documentUrl } from './senderPolicy';

/** The link as the OS browser should get it, or null unless it is plain http(s) without credentials. */
export function externalLink(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (!u.hostname || u.username || u.password) return null;
  return u.href;
}

export type NavigationDecision = { action: 'allow' } | { action: 'external'; url: string } | { action: 'deny' };

/**
 * What to do when the window is about to leave its page: reloading our own index.html is
 * fine, http(s) links go to the OS browser, anything else (file:, data:, javascript:, …) stays blocked.
 */
export function navigationDecision(url: string, indexUrl: string): NavigationDecision {
  const target = documentUrl(url);
  if (target !== null && target === documentUrl(indexUrl)) return { action: 'allow' };
  const external = externalLink(url);
  return external ? { action: 'external', url: external } : { action: 'deny' };
}
