// The folder-read worker as the build makes it, for tests that start real worker threads
// (vitest runs the TypeScript sources; a worker thread needs JavaScript).

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const REPO = path.resolve(__dirname, '../../..');
let compiled: string | null = null;

/** folderReadWorker.js compiled from the current sources with tsconfig.build.json into a temp dir (once per test file). */
export function compiledWorkerScript(): string {
  if (compiled) return compiled;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'swanview-worker-build-'));
  execFileSync(process.execPath, [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', path.join(REPO, 'tsconfig.build.json'), '--outDir', out], { stdio: 'inherit' });
  compiled = path.join(out, 'electron/swanlog/legacy/folderReadWorker.js');
  return compiled;
}
