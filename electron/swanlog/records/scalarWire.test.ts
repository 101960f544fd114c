import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSwanlog } from '../writer/generate';
import { FILE_HEADER_SIZE } from './frameFormat';
import { scanFrames } from './framing';
import { RecordContentBuilder } from './recordContent';
import type { RecordSink } from './recordSink';
import { RecordStreamParser } from './recordStream';
import { decodeRunRecord, encodeRunRecord } from './runRecord';
import { applyRunRecord } from './runRecordApply';
import { readScalarRecord, type ScalarPoint } from './scalarWire';
import { prng } from '../../testkit/prng';

const FIXTURES = path.resolve(__dirname, '../../../../shared/fixtures');


/** What the protobufjs path does with a payload: its sink calls, or 'throws'. */
function slowPath(payload: Uint8Array): unknown[][] | 'throws' {
  const calls: unknown[][] = [];
  const sink = new Proxy({} as RecordSink, { get: (_t, name) => (...args: unknown[]) => calls.push([name, ...args]) });
  try {
    applyRunRecord(decodeRunRecord(payload), sink);
  } catch {
    return 'throws';
  }
  return calls;
}

function fastPath(payload: Uint8Array): unknown[][] | null {
  const p: ScalarPoint = { key: '', step: 0, value: 0, timeMs: NaN };
  // at an offset inside a bigger buffer, like the record reader hands it over
  const padded = new Uint8Array(payload.length + 10);
  padded.set(payload, 5);
  padded.fill(0x6a, 0, 5);
  padded.fill(0x6a, 5 + payload.length);
  if (!readScalarRecord(padded, 5, 5 + payload.length, p)) return null;
  return [['scalar', p.key, p.step, p.value, p.timeMs, false]];
}

/** Fast path either declines or gives exactly the slow path's calls (Object.is on numbers). */
function expectSameOrDeclined(payload: Uint8Array, label: string): boolean {
  const fast = fastPath(payload);
  if (fast === null) return false;
  const slow = slowPath(payload);
  expect(slow, label).not.toBe('throws');
  expect(slow, label).toHaveLength(1);
  const [a, b] = [fast[0], (slow as unknown[][])[0]];
  expect(a.length, label).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Object.is(a[i], b[i]), `${label}: argument ${i}: ${String(a[i])} vs ${String(b[i])}`).toBe(true);
  return true;
}

function recordPayloads(file: string): Buffer[] {
  return scanFrames(fs.readFileSync(file), 0, FILE_HEADER_SIZE).records;
}

function fixtureRecordFiles(): string[] {
  const out: string[] = [];
  for (const set of fs.readdirSync(FIXTURES).filter((n) => n.startsWith('swanlog-0.9'))) {
    for (const run of fs.readdirSync(path.join(FIXTURES, set)).filter((n) => n.startsWith('run-'))) {
      for (const f of fs.readdirSync(path.join(FIXTURES, set, run))) if (/^run-.+\.swanlab$/.test(f)) out.push(path.join(FIXTURES, set, run, f));
    }
  }
  return out;
}

let generated: string[] | null = null;
async function generatedRecordFiles(): Promise<string[]> {
  if (generated) return generated;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swanview-scalarwire-'));
  const g = await generateSwanlog(dir, { runs: 3, keys: 6, points: 500, generations: ['C'], media: true, states: ['finished', 'crashed', 'killed'], seed: 5 });
  generated = g.runs.map((r) => path.join(r.dir, fs.readdirSync(r.dir).find((n) => n.endsWith('.swanlab'))!));
  return generated;
}

describe('scalar fast path = protobufjs path', () => {
  it('on every record of the 0.9 fixtures and of generated files, and takes every scalar record', async () => {
    const files = [...fixtureRecordFiles(), ...(await generatedRecordFiles())];
    expect(files.length).toBeGreaterThan(3);
    let scalars = 0;
    let taken = 0;
    for (const file of files) {
      recordPayloads(file).forEach((payload, i) => {
        const slow = slowPath(payload);
        if (slow !== 'throws' && slow.length === 1 && slow[0][0] === 'scalar') scalars++;
        if (expectSameOrDeclined(payload, `${path.basename(file)} record ${i}`)) taken++;
      });
    }
    expect(scalars).toBeGreaterThan(1000);
    expect(taken).toBe(scalars);
  });

  it('gives the same file content through RecordStreamParser as protobufjs alone', async () => {
    for (const file of [...fixtureRecordFiles(), ...(await generatedRecordFiles())]) {
      const buf = fs.readFileSync(file);
      const fast = new RecordStreamParser(file);
      fast.feed(buf, 0);
      const slow = new RecordContentBuilder(file, 'C');
      for (const payload of scanFrames(buf, 0, FILE_HEADER_SIZE).records) {
        try {
          applyRunRecord(decodeRunRecord(payload), slow);
        } catch {
          // counted as undecodable by the parser
        }
      }
      expect([...fast.content.scalars.keys()]).toEqual([...slow.content.scalars.keys()]);
      for (const [key, s] of fast.content.scalars) expect(s.build(), key).toEqual(slow.content.scalars.get(key)!.build());
      expect(fast.content.columns).toEqual(slow.content.columns);
      expect(fast.content.media).toEqual(slow.content.media);
    }
  });

  it('on edge cases: int64 extremes, non-ASCII and invalid keys, missing parts, special values, field order', () => {
    const t = { seconds: 1_780_000_000, nanos: 123_456_000 };
    // [record, taken by the fast path]
    const cases: [Record<string, unknown>, boolean][] = [
      [{ num: 1, timestamp: t, scalar: { key: 'loss', step: -1, type: 1, timestamp: t, value: { number: 1.5 } } }, true],
      [{ num: -5, scalar: { key: 'loss', step: 2 ** 53 + 2, value: { number: -0 } } }, true],
      [{ scalar: { key: 'loss', step: -(2 ** 62), value: { number: NaN } } }, true],
      [{ scalar: { key: 'loss', step: 9_007_199_254_740_991, value: { number: -Infinity } } }, true],
      [{ timestamp: t, scalar: { key: '损失/训练 😀', step: 3, value: { number: 1e-300 } } }, true],
      [{ timestamp: t, scalar: { key: 'x'.repeat(300), step: 3 } }, true],
      [{ scalar: { key: 'k', timestamp: { seconds: 0, nanos: 0 } } }, true],
      [{ timestamp: t, scalar: {} }, true],
      [{ timestamp: t, scalar: { key: 'k', value: {} } }, true],
      [{ scalar: { key: 'k', type: 7, step: 1 } }, true],
      // a negative int32 is a 10-byte varint: left to protobufjs
      [{ timestamp: { seconds: -100, nanos: -5 }, scalar: { key: 'k' } }, false],
      [{ timestamp: t, log: { line: 'not a scalar' } }, false],
      [{ timestamp: t, scalar: { key: 'k' }, log: { line: 'two types' } }, false],
    ];
    for (const [c, taken] of cases) expect(expectSameOrDeclined(encodeRunRecord(c), JSON.stringify(c)), JSON.stringify(c)).toBe(taken);

    const base = Buffer.from(encodeRunRecord({ num: 3, timestamp: t, scalar: { key: 'ab', step: 7, type: 1, timestamp: t, value: { number: 2.5 } } }));
    // fields in another order than protobufjs writes them
    const reordered = Buffer.concat([base.subarray(base.indexOf(0x6a)), base.subarray(0, base.indexOf(0x6a))]);
    expect(expectSameOrDeclined(reordered, 'reordered')).toBe(true);
    // a repeated field, an unknown field, invalid UTF-8 in the key, a non-canonical tag: declined
    expect(fastPath(Buffer.concat([base, Buffer.from([0x08, 0x01])]))).toBeNull();
    expect(fastPath(Buffer.concat([base, Buffer.from([0x78, 0x01])]))).toBeNull();
    const badKey = Buffer.from(base);
    badKey[badKey.indexOf(Buffer.from('ab'))] = 0xff;
    expect(fastPath(badKey)).toBeNull();
    expect(slowPath(badKey)).toBe('throws');
    expect(fastPath(Buffer.from([0x88, 0x00, ...base]))).toBeNull();
  });
});

describe('scalar fast path under damage (fuzz)', () => {
  it('declines or agrees with protobufjs on truncated, flipped, inserted and deleted bytes', async () => {
    const rnd = prng(20260601);
    const samples: Buffer[] = [];
    for (const file of [...fixtureRecordFiles(), ...(await generatedRecordFiles())]) {
      const payloads = recordPayloads(file);
      for (let i = 0; i < 40; i++) samples.push(payloads[Math.floor(rnd() * payloads.length)]);
    }
    let taken = 0;
    let tried = 0;
    for (const s of samples) {
      for (let cut = 0; cut < s.length; cut++, tried++) if (expectSameOrDeclined(s.subarray(0, cut), `truncated at ${cut}`)) taken++;
      for (let k = 0; k < 30; k++, tried++) {
        const m = Buffer.from(s);
        const at = Math.floor(rnd() * m.length);
        const kind = rnd();
        let bytes: Buffer;
        if (kind < 0.5) {
          m[at] ^= 1 << Math.floor(rnd() * 8);
          bytes = m;
        } else if (kind < 0.75) bytes = Buffer.concat([m.subarray(0, at), Buffer.from([Math.floor(rnd() * 256)]), m.subarray(at)]);
        else bytes = Buffer.concat([m.subarray(0, at), m.subarray(at + 1)]);
        if (expectSameOrDeclined(bytes, `mutation ${k} of ${s.toString('hex')}`)) taken++;
      }
    }
    // the fuzz must exercise both outcomes
    expect(taken).toBeGreaterThan(100);
    expect(tried - taken).toBeGreaterThan(100);
  });
});
