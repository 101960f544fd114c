import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSwanlab, type FakeSwanlab } from './fakeServer';
import { KEYS } from './sampleModel';

let fake: FakeSwanlab;
let sid: string;
beforeAll(async () => {
  fake = await startFakeSwanlab();
  const res = await fetch(`${fake.origin}/api/login/api_key`, { method: 'POST', headers: { authorization: KEYS.alice } });
  const body = (await res.json()) as { sid: string; expiredAt: string };
  sid = body.sid;
  expect(body.expiredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
});
afterAll(() => fake.close());

const get = (path: string, headers: Record<string, string> = { cookie: `sid=${sid}` }) => fetch(`${fake.origin}/api${path}`, { headers });

describe('fake SwanLab server', () => {
  it('answers the health check and puts a TraceId on every answer', async () => {
    const res = await get('/', {});
    expect(await res.text()).toBe('OK');
    expect(res.headers.get('traceid')).toMatch(/^[0-9a-z]{16}$/);
  });

  it('needs the sid cookie; X-SID overrides it only when a cookie is present', async () => {
    expect((await get('/group/alice', {})).status).toBe(401);
    expect((await get('/group/alice', { 'x-sid': sid })).status).toBe(401);
    expect((await get('/group/alice', { cookie: 'sid=stale', 'x-sid': sid })).status).toBe(200);
    const res = await get('/group/alice', { cookie: 'sid=stale' });
    expect([res.status, res.statusText]).toEqual([401, 'Authorization Required']);
  });

  it('rejects page sizes the real server does not allow', async () => {
    expect((await get('/project/alice?page=1&size=13')).status).toBe(400);
    expect((await get('/project/alice?page=1&size=27')).status).toBe(200);
  });

  it('refuses tampered presigned URLs and unknown objects', async () => {
    const res = await fetch(`${fake.origin}/api/files/presigned/get`, { method: 'POST', headers: { cookie: `sid=${sid}`, 'content-type': 'application/json' }, body: JSON.stringify({ paths: ['exports/none.csv'] }) });
    const { urls } = (await res.json()) as { urls: string[] };
    expect((await fetch(urls[0])).status).toBe(404);
    const tampered = urls[0].replace(/X-Amz-Date=\d+/, 'X-Amz-Date=1');
    const denied = await fetch(tampered);
    expect(denied.status).toBe(403);
    expect(await denied.text()).toContain('SignatureDoesNotMatch');
  });

  it('writes the export CSV with the value in the _step column and empty cells for missing points', async () => {
    const post = (path: string, body: unknown) => fetch(`${fake.origin}/api${path}`, { method: 'POST', headers: { cookie: `sid=${sid}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const columns = ['train/loss', 'val/acc'].map((key) => ({ experimentName: 'baseline', experimentId: 'r0baseline00000000001', key }));
    const { cosKey } = (await (await post('/house/metrics/scalar/export', { projectId: 'pmnist000000000000001', columns })).json()) as { cosKey: string };
    const { urls } = (await (await post('/files/presigned/get', { paths: [cosKey] })).json()) as { urls: string[] };
    const lines = (await (await fetch(urls[0])).text()).split('\n');
    expect(lines[0]).toBe('step,baseline-train/loss_step,baseline-train/loss_timestamp,baseline-val/acc_step,baseline-val/acc_timestamp');
    expect(lines[2]).toMatch(/^1,[\d.]+,\d{13},,$/);
    expect(lines[1235]).toMatch(/^1234,NaN,\d{13},,$/);
    expect(lines[7778]).toMatch(/^7777,INF,\d{13},,$/);
    expect(lines[8889]).toMatch(/^8888,-INF,\d{13},,$/);
  });
});
