// The API key never reaches the renderer: every channel of the contract over the HTTP
// transport of `swanview serve`, with two fake SwanLab hosts that echo credentials into their
// error bodies; every response body, error and server-sent event is kept and searched.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from '../../shared/wire';
import { LocalWorkspace } from '../swanlog/workspace';
import { keyIn, walkEveryChannel } from '../testkit/everyChannel';
import { FIXTURES_DIR } from '../testkit/fixtures';
import { startFakeHosts, type FakeHosts } from '../testkit/fakeSwanlab/fakeHosts';
import { KEYS } from '../testkit/fakeSwanlab/sampleModel';
import { startServer, type RunningServer } from './httpServer';

let hosts: FakeHosts;
let server: RunningServer;
let ws: LocalWorkspace;
let tmp: string;
/** Everything the renderer side received: bodies, errors, events, media bytes. */
const seen: string[] = [];
const sse = new AbortController();
let sseDone: Promise<void>;

beforeAll(async () => {
  hosts = await startFakeHosts({ points: 1000 });
  hosts.cloud.faults.echoCredentials = true;
  hosts.private.faults.echoCredentials = true;
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'swanview-serve-accounts-'));
  const home = path.join(tmp, 'home');
  await fs.mkdir(path.join(home, '.swanlab'), { recursive: true });
  await fs.writeFile(path.join(home, '.swanlab', '.netrc'), `machine ${hosts.private.origin}\n\tlogin ${hosts.private.origin}\n\tpassword ${KEYS.bob}\n`);
  ws = await LocalWorkspace.open(path.join(FIXTURES_DIR, 'swanlog-0.9.7'));
  server = await startServer(ws, {
    host: '127.0.0.1', port: 0, dataDir: path.join(tmp, 'data'), staticDir: path.join(tmp, 'no-ui'),
    accounts: {
      credentials: { env: { SWANLAB_API_KEY: KEYS.carol, SWANLAB_API_HOST: hosts.cloud.origin }, home, cwd: path.join(tmp, 'cwd') },
      api: { transport: { timeoutMs: 2000, sleep: async () => {} } },
      pollMs: 40,
    },
  });
  const res = await fetch(`${server.url}/rpc-events`, { signal: sse.signal });
  const reader = res.body!.getReader();
  sseDone = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        seen.push(new TextDecoder().decode(value));
      }
    } catch {
      // aborted at the end
    }
  })();
});
afterAll(async () => {
  sse.abort();
  await sseDone;
  await server.close();
  ws.close();
  await hosts.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('the key never reaches the renderer (HTTP transport)', () => {
  it('runs every channel, including failures, and no answer, error or event holds a key', async () => {
    await walkEveryChannel({
      call: async (channel, body) => {
        const r = await fetch(`${server.url}/rpc/${channel}`, { method: 'POST', body: encodeWire(body), headers: { 'content-type': 'application/json' } });
        const text = await r.text();
        seen.push(`${r.status} ${[...r.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n${text}`);
        return r.ok ? { status: r.status, data: decodeWire(text), error: null } : { status: r.status, data: null, error: (JSON.parse(text) as { error: string }).error };
      },
      loadMedia: async (url) => {
        const r = await fetch(server.url + url);
        seen.push(Buffer.from(await r.arrayBuffer()).toString('latin1'));
        return r.status;
      },
    }, hosts);
    const everything = seen.join('\n');
    expect(everything).toContain('data: '); // change events did arrive
    expect(everything).toContain('injected failure'); // the echoing error bodies did reach the client
    expect(keyIn(everything)).toBeNull();
  });

  it('keeps keys only in the 0600 key file: accounts.json and the rest of the user-data dir hold none', async () => {
    const dir = path.join(tmp, 'data');
    const files: string[] = [];
    const walk = async (d: string) => {
      for (const e of await fs.readdir(d, { withFileTypes: true })) {
        if (e.isDirectory()) await walk(path.join(d, e.name));
        else files.push(path.join(d, e.name));
      }
    };
    await walk(dir);
    expect(files).toContain(path.join(dir, 'accounts.json'));
    for (const f of files) {
      const text = await fs.readFile(f, 'latin1');
      const holds = keyIn(text) !== null;
      expect([path.basename(f), holds]).toEqual([path.basename(f), f === path.join(dir, 'swanlab-keys.json')]);
    }
    expect((await fs.stat(path.join(dir, 'swanlab-keys.json'))).mode & 0o777).toBe(0o600);
  });
});
