// Packaging check (a step of `npm test`, after the build): runs scripts/pack-dir.mjs, then
// checks release/linux-unpacked/resources/app.asar — the app's entry points and sql.js's wasm
// are in it, no dev dependency is, every require of the main side resolves inside it, and
// the packaged reader really opens a swanlog (sql.js loading its wasm from the package) and
// reads its metric folders in worker threads (the worker script packaged next to its pool).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ASAR = join(ROOT, 'release', 'linux-unpacked', 'resources', 'app.asar');
const FIXTURE = resolve(ROOT, '..', 'shared', 'fixtures', 'swanlog-0.9.7');
const require = createRequire(import.meta.url);
const asar = require('@electron/asar');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const problems = [];
const check = (ok, message) => ok || problems.push(message);

const started = Date.now();
const packed = spawnSync(process.execPath, [join(ROOT, 'scripts', 'pack-dir.mjs')], { cwd: ROOT, stdio: 'inherit' });
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (packed.status !== 0 || !existsSync(ASAR)) {
  console.log(`pack: electron-builder failed (exit ${packed.status})`);
  process.exit(1);
}

const files = new Set(asar.listPackage(ASAR).map((f) => f.replaceAll('\\', '/')));
for (const f of ['/package.json', '/dist/electron/main.js', '/dist/electron/preload.js', '/dist/renderer/index.html', '/node_modules/sql.js/dist/sql-wasm.wasm', '/dist/electron/swanlog/legacy/folderReadWorker.js']) {
  check(files.has(f), `${f} is missing from app.asar`);
}
const packedPkg = JSON.parse(asar.extractFile(ASAR, 'package.json').toString('utf8'));
check(packedPkg.main === 'dist/electron/main.js', `package.json main is ${packedPkg.main}, not dist/electron/main.js`);
for (const f of files) {
  check(!/\.map$|^\/dist\/bench\/|testkit/.test(f), `${f} should not be packaged`);
}

/** Production dependencies and everything they depend on, as installed (hoisted) in node_modules. */
function productionClosure() {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    const p = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8'));
    for (const dep of Object.keys({ ...p.dependencies, ...p.optionalDependencies })) {
      if (existsSync(join(ROOT, 'node_modules', dep, 'package.json'))) visit(dep);
    }
  };
  Object.keys(pkg.dependencies).forEach(visit);
  return seen;
}
const packages = new Set([...files].map((f) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(f)?.[1]).filter(Boolean));
const allowed = productionClosure();
for (const name of Object.keys(pkg.dependencies)) check(packages.has(name), `dependency ${name} is missing from app.asar`);
for (const name of packages) check(allowed.has(name), `${name} is in app.asar but is not a production dependency`);
for (const name of Object.keys(pkg.devDependencies)) check(!packages.has(name), `dev dependency ${name} is in app.asar`);

const tmp = mkdtempSync(join(tmpdir(), 'swanview-asar-'));
try {
  const app = join(tmp, 'app');
  asar.extractAll(ASAR, app);
  // every bare require of the main side resolves to a builtin, 'electron' or a packaged module
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'electron']);
  for (const f of [...files].filter((f) => /^\/dist\/(electron|shared)\/.*\.js$/.test(f))) {
    const source = readFileSync(join(app, f), 'utf8');
    for (const [, spec] of source.matchAll(/require\("([^".][^"]*)"\)/g)) {
      if (builtins.has(spec)) continue;
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
      check(packages.has(name), `${f} requires ${spec}, which is not packaged`);
    }
    if (f === '/dist/electron/preload.js') check(![...source.matchAll(/require\("([^"]+)"\)/g)].some(([, s]) => s !== 'electron'), 'the sandboxed preload requires more than electron');
  }
  const probe = `
    const { LocalWorkspace } = require(${JSON.stringify(join(app, 'dist/electron/swanlog/workspace.js'))});
    const { defaultWorkerScript } = require(${JSON.stringify(join(app, 'dist/electron/swanlog/legacy/folderReadPool.js'))});
    const told = [];
    LocalWorkspace.open(${JSON.stringify(FIXTURE)}, { readers: { minPoints: 0, log: (m) => told.push(m) } }).then(async (ws) => {
      await ws.loadAll();
      console.log(JSON.stringify({ runs: ws.runs.length, db: ws.roots.every((r) => r.db !== null), worker: defaultWorkerScript() !== null, told }));
    });`;
  // minPoints 0: the fixture's folders are small, and would be read on the main thread; no ws.close(): idle reader threads must not keep the process alive
  const run = spawnSync(process.execPath, ['-e', probe], { cwd: tmp, encoding: 'utf8', env: { ...process.env, NODE_PATH: '' }, timeout: 60_000 });
  const opened = run.status === 0 ? JSON.parse(run.stdout) : null;
  check(opened?.runs > 0 && opened.db, `the packaged reader could not open ${FIXTURE} with sql.js: ${run.stderr || run.stdout || run.error}`);
  check(opened?.worker && opened.told.length === 0, `the packaged reader did not read metric folders in worker threads: ${JSON.stringify(opened)}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

/** Width and height from a PNG's IHDR. */
function pngSize(file) {
  const b = readFileSync(file);
  return b.toString('latin1', 1, 4) === 'PNG' ? [b.readUInt32BE(16), b.readUInt32BE(20)] : null;
}
check(String(pngSize(join(ROOT, 'build', 'icon.png'))) === '1024,1024', 'build/icon.png is not a 1024×1024 PNG');
for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
  check(String(pngSize(join(ROOT, 'build', 'icons', `${size}x${size}.png`))) === `${size},${size}`, `build/icons/${size}x${size}.png is missing or the wrong size`);
}

const mb = (statSync(ASAR).size / 1e6).toFixed(1);
console.log(`pack: app.asar ${mb} MB, ${files.size} entries, packages: ${[...packages].sort().join(', ')}; pack:dir took ${seconds} s`);
for (const p of problems) console.log(`pack: FAIL ${p}`);
console.log(problems.length ? `pack: ${problems.length} problem(s)` : 'pack: ok');
process.exit(problems.length ? 1 : 0);
