// The built command line, as users run it (`npm run build` first; `npm test` does).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, writableCopy } from '../testkit/fixtures';

const CLI = path.resolve(__dirname, '../../dist/electron/cli/main.js');
const built = existsSync(CLI);
const tmp: string[] = [];
afterAll(() => Promise.all(tmp.map((d) => fs.rm(d, { recursive: true, force: true }))));

async function getJson(url: string): Promise<any> {
  return (await fetch(url)).json();
}

function serveOnce(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ url: string; stop: () => void; stderr: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', ...args, '--port', '0'], { env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /^(http:\/\/\S+)$/m.exec(out);
      if (m) resolve({ url: m[1], stop: () => child.kill(), stderr: () => err });
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
}

describe.skipIf(!built)('swanview command line (dist build)', () => {
  it('serve binds loopback, answers the board API and reports per-run problems on stderr', async () => {
    const s = await serveOnce([path.join(FIXTURES_DIR, 'swanlog-0.9.7-offline')]);
    try {
      expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const project = await getJson(`${s.url}/api/v1/project`);
      expect(project.data.experiments.map((e: { name: string }) => e.name)).toEqual(['baseline-lr0.1', 'lr0.3-crash', 'lr0.05-killed']);
      const missing = await fetch(`${s.url}/api/v1/experiment/99`);
      expect(missing.status).toBe(404);
      expect(((await missing.json()) as { code: number }).code).toBe(3404);
      expect(s.stderr()).toMatch(/run-7kfg4nnq\.swanlab: record file ends in a torn or bad chunk at byte 215934/);
    } finally {
      s.stop();
    }
  });

  it('serve keeps SwanLab accounts in --data-dir or $SWANVIEW_USER_DATA_DIR, and offers them on loopback only', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'swanview-cli-data-'));
    tmp.push(dir);
    const list = async (url: string) => {
      const r = await fetch(`${url}/rpc/accounts.list`, { method: 'POST', body: '{}' });
      return { status: r.status, body: (await r.json()) as { keyStorage?: { location: string }; error?: string } };
    };
    const fixture = path.join(FIXTURES_DIR, 'swanlog-0.4.12');
    for (const [args, where] of [[['--data-dir', path.join(dir, 'flag')], 'flag'], [[], 'env']] as const) {
      const s = await serveOnce([fixture, ...args], { SWANVIEW_USER_DATA_DIR: path.join(dir, 'env') });
      try {
        const { status, body } = await list(s.url);
        expect([status, body.keyStorage?.location]).toEqual([200, path.join(dir, where, 'swanlab-keys.json')]);
        await expect.poll(() => s.stderr()).toContain(`SwanLab accounts: keys in ${path.join(dir, where, 'swanlab-keys.json')}`);
      } finally {
        s.stop();
      }
    }
    const open = await serveOnce([fixture, '--host', '0.0.0.0'], { SWANVIEW_USER_DATA_DIR: path.join(dir, 'env') });
    try {
      const { status, body } = await list(`http://127.0.0.1:${new URL(open.url).port}`);
      expect([status, body.error]).toEqual([501, expect.stringMatching(/only when swanview serve listens on loopback/)]);
      await expect.poll(() => open.stderr()).toMatch(/only when swanview serve listens on loopback/);
    } finally {
      open.stop();
    }
  });

  it('serve defaults PATH to $SWANLAB_LOG_DIR like swanlab watch', async () => {
    const s = await serveOnce([], { SWANLAB_LOG_DIR: path.join(FIXTURES_DIR, 'swanlog-0.4.12') });
    try {
      expect((await getJson(`${s.url}/api/v1/project`)).data.name).toBe('resnet-cifar10');
    } finally {
      s.stop();
    }
  });

  it('a folder that is not a swanlog gets one clear message and a non-zero exit', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'swanview-cli-'));
    tmp.push(dir);
    const r = spawnSync(process.execPath, [CLI, 'export', dir], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`swanview: ${dir} is not a swanlog folder: no run-<date>_<time>-<id> folders and no runs.swanlab in it or below it`);
    const bad = spawnSync(process.execPath, [CLI, 'serve', dir, '--port', 'x'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--port must be 0..65535/);
  });

  it('export streams CSV to stdout with progress on stderr', () => {
    const r = spawnSync(process.execPath, [CLI, 'export', path.join(FIXTURES_DIR, 'swanlog-0.5.9'), '--keys', 'epoch'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('run,step,timestamp,epoch');
    expect(lines).toHaveLength(1 + 10 + 6 + 7);
    expect(r.stderr).toMatch(/23 row\(s\), 1 key\(s\) written/);
  });

  it('a corrupt run never hides the others', async () => {
    const copy = writableCopy(path.join(FIXTURES_DIR, 'swanlog-0.7.20-offline'), 'corrupt');
    tmp.push(path.dirname(copy));
    const runs = (await fs.readdir(copy)).filter((n) => n.startsWith('run-')).sort();
    await fs.writeFile(path.join(copy, runs[1], 'backup.swanlab'), Buffer.from('garbage, not a record file at all'));
    await fs.writeFile(path.join(copy, runs[2], 'files', 'config.yaml'), 'a: [unclosed');
    const s = await serveOnce([copy]);
    try {
      const project = (await getJson(`${s.url}/api/v1/project`)).data;
      expect(project.experiments).toHaveLength(3);
      const good = project.experiments.find((e: { run_id: string }) => e.run_id === runs[0]);
      const tag = (await getJson(`${s.url}/api/v1/experiment/${good.id}/tag/train%2Floss`)).data;
      expect(tag.sum).toBe(2500);
      const issues = (await getJson(`${s.url}/api/v1/issues`)).data.issues;
      expect(issues.some((i: { run_id: string; reason: string }) => i.run_id === runs[1] && /torn or bad chunk at byte 0/.test(i.reason))).toBe(true);
      expect(issues.some((i: { run_id: string; path: string }) => i.run_id === runs[2] && i.path.endsWith('config.yaml'))).toBe(true);
      expect(s.stderr()).toContain(path.join(copy, runs[2], 'files', 'config.yaml'));
    } finally {
      s.stop();
    }
  });
});

it.runIf(!built)('the command-line tests need a build', () => {
  console.warn(`skipped: ${CLI} is missing; run npm run build (npm test does)`);
});
