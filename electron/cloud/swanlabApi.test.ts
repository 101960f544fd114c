import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSwanlab, type FakeSwanlab } from '../testkit/fakeSwanlab/fakeServer';
import { KEYS } from '../testkit/fakeSwanlab/sampleModel';
import { CloudError } from './cloudError';
import { clientFor } from './fakeClient.testkit';
import { REFRESH_BEFORE_EXPIRY_MS } from './session';

let fake: FakeSwanlab;
beforeAll(async () => {
  fake = await startFakeSwanlab();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.faults.clear();
  fake.sessions.ttlMs = 30 * 24 * 3600 * 1000;
});

async function failure(p: Promise<unknown>): Promise<CloudError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(CloudError);
  return e as CloudError;
}

describe('login and session', () => {
  it('logs in with the raw key in `authorization` and sends only the sid cookie afterwards', async () => {
    const { client } = clientFor(fake);
    const session = await client.login();
    expect(session).toMatchObject({ username: 'alice', name: 'Alice' });
    const n = fake.requests.length;
    await client.workspaces();
    const login = fake.requests.filter((r) => r.path === '/login/api_key').at(-1)!;
    expect(login.method).toBe('POST');
    expect(login.headers.authorization).toBe(KEYS.alice);
    for (const r of fake.requests.slice(n)) {
      expect(r.headers.cookie).toBe(`sid=${session.sid}`);
      expect(r.headers.authorization).toBeUndefined();
    }
  });

  it('logs in once for concurrent first calls and not again while the session has over 7 days', async () => {
    const { client } = clientFor(fake);
    const before = fake.sessions.logins;
    await Promise.all([client.workspaces(), client.workspaces(), client.projects('alice')]);
    await client.workspaces();
    expect(fake.sessions.logins - before).toBe(1);
  });

  it('logs in again before every call when the session has 7 days or less left', async () => {
    fake.sessions.ttlMs = REFRESH_BEFORE_EXPIRY_MS - 60_000;
    const { client } = clientFor(fake);
    const before = fake.sessions.logins;
    await client.project('alice', 'mnist');
    await client.project('alice', 'mnist');
    expect(fake.sessions.logins - before).toBe(2);
  });

  it('re-logs in once when the session expires server-side mid-session', async () => {
    const { client } = clientFor(fake);
    await client.workspaces();
    const before = fake.sessions.logins;
    fake.sessions.expireAll();
    expect((await client.workspaces())[0].username).toBe('alice');
    expect(fake.sessions.logins - before).toBe(1);
  });

  it('gives up after one re-login when 401 persists, and can be told not to re-login', async () => {
    const { client } = clientFor(fake);
    await client.login();
    fake.faults.fail('GET /user/alice/groups', { status: 401, reason: 'Authorization Required' }, { status: 401, reason: 'Authorization Required' });
    const e = await failure(client.workspaces());
    expect(e.status).toBe(401);
    expect(e.kind).toBe('auth');

    const strict = clientFor(fake, KEYS.alice, { reloginOn401: false }).client;
    await strict.login();
    fake.sessions.expireAll();
    expect((await failure(strict.workspaces())).status).toBe(401);
  });

  it('names a rejected key and an unverified account', async () => {
    const bad = await failure(clientFor(fake, 'NotAKey0123456789abcd').client.login());
    expect(bad.status).toBe(401);
    expect(bad.reason).toBe('Authorization Required');
    expect(bad.message).toContain('the API key was rejected');
    expect(bad.message).toContain(fake.origin);
    const unverified = await failure(clientFor(fake, KEYS.carol).client.login());
    expect(unverified.status).toBe(403);
    expect(unverified.message).toMatch(/not verified|not activated/);
  });

  it('pings the health endpoint', async () => {
    expect(await clientFor(fake).client.ping()).toBe(true);
  });
});

describe('retries and timeouts', () => {
  it('retries 500/502/503/504 with urllib3 backoff (0, 1, 2, 4 s) and succeeds', async () => {
    const t = clientFor(fake);
    await t.client.login();
    fake.faults.fail('GET /project/alice', { status: 500 }, { status: 502 }, { status: 503 }, { status: 504 });
    const { projects } = await t.client.projects('alice', { size: 10 });
    expect(projects).toHaveLength(10);
    expect(t.sleeps).toEqual([0, 1000, 2000, 4000]);
    expect(t.retries).toHaveLength(4);
    expect(t.retries[0]).toContain(`SwanLab ${fake.origin}: GET /api/project/alice 500, retry 1/5`);
  });

  it('honours Retry-After on 429', async () => {
    const t = clientFor(fake);
    await t.client.login();
    fake.faults.fail('GET /project/alice', { status: 429, retryAfter: '3' }, { status: 429, retryAfter: '1' });
    await t.client.projects('alice');
    expect(t.sleeps).toEqual([3000, 1000]);
  });

  it('gives up when Retry-After exceeds the retry budget, saying so', async () => {
    const t = clientFor(fake);
    await t.client.login();
    fake.faults.fail('GET /project/alice', { status: 429, retryAfter: '120' });
    const e = await failure(t.client.projects('alice'));
    expect(e.status).toBe(429);
    expect(e.message).toContain('beyond the 30 s retry budget');
    expect(t.sleeps).toEqual([]);
  });

  it('stops after 5 retries with the last status, the host and the TraceId', async () => {
    const t = clientFor(fake);
    await t.client.login();
    fake.faults.fail('GET /project/alice', ...Array.from({ length: 6 }, () => ({ status: 503, reason: 'Service Unavailable' })));
    const e = await failure(t.client.projects('alice'));
    expect(t.sleeps).toEqual([0, 1000, 2000, 4000, 8000]);
    expect(e.status).toBe(503);
    expect(e.traceId).toMatch(/^[0-9a-z]{16}$/);
    expect(e.message).toBe(`SwanLab ${fake.origin}: GET /api/project/alice answered 503 Service Unavailable (503: injected failure) [TraceId ${e.traceId}]`);
  });

  it('times out a response that never comes, retries, and succeeds', async () => {
    const t = clientFor(fake, KEYS.alice, { transport: { timeoutMs: 200 } });
    await t.client.login();
    fake.faults.hang('GET /project/alice');
    const { projects } = await t.client.projects('alice');
    expect(projects.length).toBeGreaterThan(0);
    expect(t.retries[0]).toContain('timeout');
  });

  it('fails with a timeout naming the host when nothing ever answers', async () => {
    const t = clientFor(fake, KEYS.alice, { transport: { timeoutMs: 100, retry: { retries: 1, backoffFactorMs: 0, maxTotalWaitMs: 0 } } });
    await t.client.login();
    fake.faults.hang('GET /project/alice', 2);
    const e = await failure(t.client.projects('alice'));
    expect(e.kind).toBe('timeout');
    expect(e.message).toBe(`SwanLab ${fake.origin}: GET /api/project/alice timed out: no answer within 0.1 s`);
  });

  it('reports an unreachable host as a network error', async () => {
    const dead = clientFor({ ...fake, origin: 'http://127.0.0.1:9' }, KEYS.alice, { transport: { retry: { retries: 0, backoffFactorMs: 0, maxTotalWaitMs: 0 } } }).client;
    const e = await failure(dead.login());
    expect(e.kind).toBe('network');
    expect(e.message).toContain('http://127.0.0.1:9');
  });

  it('keeps a non-JSON error body readable', async () => {
    const { client } = clientFor(fake);
    await client.login();
    fake.faults.fail('GET /project/alice/mnist', { status: 404, reason: 'Disabled Resource', body: '<html><body><h1>gone</h1></body></html>' });
    const e = await failure(client.project('alice', 'mnist'));
    expect(e.reason).toBe('Disabled Resource');
    expect(e.serverMessage).toBe('gone');
  });
});

describe('secrets', () => {
  it('never puts the API key or the session in errors or retry logs, even when the server echoes them', async () => {
    fake.faults.echoCredentials = true;
    const t = clientFor(fake);
    const session = await t.client.login();
    fake.faults.fail('GET /project/alice', { status: 502 });
    await t.client.projects('alice');
    const errors: unknown[] = [];
    errors.push(await failure(t.client.project('alice', 'nope')));
    fake.sessions.expireAll();
    fake.faults.fail('GET /user/alice/groups', { status: 401 }, { status: 401 });
    errors.push(await failure(t.client.workspaces()));
    errors.push(await failure(clientFor(fake, `${KEYS.alice}x`).client.login()));
    const served = fake.requests.filter((r) => r.headers.cookie).at(-1)!.headers.cookie!;
    expect(served).toMatch(/^sid=/);
    const sids = [session.sid, served.slice(4)];
    for (const e of errors) {
      const text = [String(e), (e as Error).stack, JSON.stringify(e), inspect(e, { depth: 5, showHidden: true })].join('\n');
      expect(text).toContain('***');
      for (const secret of [KEYS.alice, `${KEYS.alice}x`, ...sids]) expect(text).not.toContain(secret);
    }
    for (const line of t.retries) for (const secret of [KEYS.alice, ...sids]) expect(line).not.toContain(secret);
    expect(inspect(t.client, { depth: 6, showHidden: true })).not.toContain(KEYS.alice);
  });
});
