import * as path from 'node:path';

export interface ArgvContext {
  /** `process.defaultApp`: true when started as `electron main.js …`, so argv[1] is the app. */
  defaultApp: boolean;
  cwd: string;
}

/**
 * The folder named on a command line (`swanview PATH`, `electron main.js PATH`), absolute, or
 * null. Switches are skipped wherever they are: Chromium may add or reorder them, notably in
 * the argv a second instance hands over.
 */
export function folderFromArgv(argv: readonly string[], ctx: ArgvContext): string | null {
  const positional = argv.slice(1).filter((a) => !a.startsWith('-'));
  const folder = positional[ctx.defaultApp ? 1 : 0];
  return folder ? path.resolve(ctx.cwd, folder) : null;
}
