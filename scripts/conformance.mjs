#!/usr/bin/env node
// Runs ../shared/tools/conformance/conformance.py against `swanview serve` on a COPY of every
// shared fixture (the fixtures are never written). Prints one summary line per fixture and a
// machine-readable last line: `conformance: P passed, F failed` (checks, summed).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const shared = resolve(repo, '..', 'shared');
const fixtures = join(shared, 'fixtures');
const tool = join(shared, 'tools', 'conformance', 'conformance.py');
const cli = join(repo, 'dist', 'electron', 'cli', 'main.js');
const only = process.argv.slice(2);

if (!existsSync(cli)) {
  console.error(`conformance: ${cli} is missing; run npm run build first`);
  process.exit(2);
}

function serve(dir) {
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, [cli, 'serve', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /^(http:\/\/\S+)$/m.exec(out);
      if (m) res({ child, url: m[1] });
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => rej(new Error(`serve exited with ${code}: ${err}`)));
  });
}

let passed = 0;
let failed = 0;
const sets = readdirSync(fixtures).filter((n) => n.startsWith('swanlog-') && (!only.length || only.includes(n))).sort();
for (const set of sets) {
  const work = mkdtempSync(join(tmpdir(), 'swanview-conf-'));
  const copy = join(work, set);
  cpSync(join(fixtures, set), copy, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
  const { child, url } = await serve(copy);
  const args = [tool, url, copy, join(fixtures, 'manifests', `${set}.json`)];
  const ref = join(fixtures, 'swanboard-responses', set);
  if (existsSync(ref)) args.push(ref);
  const r = spawnSync('python3', args, { encoding: 'utf8', timeout: 600_000 });
  child.kill();
  rmSync(work, { recursive: true, force: true });
  const fails = (r.stdout.match(/^FAIL .*$/gm) ?? []);
  const m = /conformance: (\d+)\/(\d+) checks passed/.exec(r.stdout);
  if (!m) {
    console.log(`${set}: conformance.py did not finish (exit ${r.status}): ${r.stderr.slice(-500)}`);
    failed++;
    continue;
  }
  const p = Number(m[1]);
  const t = Number(m[2]);
  passed += p;
  failed += t - p;
  console.log(`${set}: ${p}/${t} checks passed`);
  for (const f of fails.slice(0, 40)) console.log(`  ${f}`);
  if (fails.length > 40) console.log(`  ... ${fails.length - 40} more`);
}
console.log(`conformance: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
