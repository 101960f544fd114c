/** Who sent an IPC message, as far as the main process can tell. */
export interface SenderInfo {
  webContentsId: number;
  /** URL of the frame that sent it; null when the frame is gone. */
  frameUrl: string | null;
  isMainFrame: boolean;
}

/** The one window allowed to call the API, and the page it must be showing. */
export interface TrustedWindow {
  webContentsId: number;
  indexUrl: string;
}

/** The URL without query and fragment, or null when it does not parse. */
export function documentUrl(url: string): string | null {
  try {
    const u = new URL(url);
    u.search = '';
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

/**
 * True only for the main frame of our window while it shows our own index.html. A subframe or
 * a page the window was navigated to must not reach the API, even though it runs in the same
 * renderer (Electron advisory GHSA-mq8j-3h7h-p8g7: validate `senderFrame` in every handler).
 */
export function isTrustedSender(sender: SenderInfo, trusted: TrustedWindow | null): boolean {
  if (!trusted || sender.webContentsId !== trusted.webContentsId || !sender.isMainFrame || sender.frameUrl === null) return false;
  const own = documentUrl(trusted.indexUrl);
  return own !== null && documentUrl(sender.frameUrl) === own;
}
