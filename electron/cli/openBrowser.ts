import { spawn } from 'node:child_process';

/** The platform's "open this URL" command. */
export function browserCommand(url: string, platform: NodeJS.Platform = process.platform): [string, string[]] {
  if (platform === 'darwin') return ['open', [url]];
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""', url]];
  return ['xdg-open', [url]];
}

/** Opens `url` in the user's browser if the platform can; failures are silent (the URL is printed anyway). */
export function openBrowser(url: string): void {
  const [cmd, args] = browserCommand(url);
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  child.on('error', () => {});
  child.unref();
}
