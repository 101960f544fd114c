import type { ShellCommand } from '../../../shared/client';

/** Menu commands of the desktop app (none in a browser); returns the unsubscribe function. */
export function onShellCommand(listener: (c: ShellCommand) => void): () => void {
  return window.swanview?.onCommand(listener) ?? (() => {});
}
