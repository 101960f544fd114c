// `npm run pack:dir` (after the build): electron-builder's unpacked Linux app in
// release/linux-unpacked, made against a stub Electron. Machines that cannot download
// Electron can still check the packaging config, the `files` globs and app.asar this way; the
// stub's `electron` script only stands in for the binary electron-builder copies and renames.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;

const stub = mkdtempSync(join(tmpdir(), 'swanview-electron-stub-'));
try {
  writeFileSync(join(stub, 'electron'), '#!/bin/sh\necho "stub Electron from scripts/pack-dir.mjs: this package cannot run" >&2\nexit 1\n');
  chmodSync(join(stub, 'electron'), 0o755);
  writeFileSync(join(stub, 'version'), electronVersion);
  writeFileSync(join(stub, 'LICENSE'), '');
  writeFileSync(join(stub, 'LICENSES.chromium.html'), '');
  const r = spawnSync(process.execPath, [require.resolve('electron-builder/cli.js'), '--linux', 'dir', `-c.electronDist=${stub}`], { stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(stub, { recursive: true, force: true });
}
