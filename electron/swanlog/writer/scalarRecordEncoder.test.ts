import { describe, expect, it } from 'vitest';
import { decodeRunRecord, encodeRunRecord, int64 } from '../records/runRecord';
import { Rng } from './rng';
import { ScalarRecordEncoder } from './scalarRecordEncoder';

/** The generic encoder's bytes for the same record, zero fields left out like proto3. */
function reference(num: number, recordTime: number, key: string, step: number, time: number, value: number): Uint8Array {
  const ts = (t: number) => {
    const seconds = Math.floor(t / 1e6);
    const nanos = (t - seconds * 1e6) * 1000;
    return { ...(seconds !== 0 && { seconds }), ...(nanos !== 0 && { nanos }) };
  };
  const scalar: Record<string, unknown> = { key, type: 'COLUMN_TYPE_SCALAR', timestamp: ts(time), value: value === 0 && !Object.is(value, -0) ? {} : { number: value } };
  if (step !== 0) scalar.step = step;
  return encodeRunRecord({ ...(num !== 0 && { num }), timestamp: ts(recordTime), scalar });
}

describe('ScalarRecordEncoder', () => {
  it('produces the same bytes as encodeRunRecord', () => {
    const enc = new ScalarRecordEncoder();
    const rng = new Rng(11);
    const keys = ['train/loss', 'epoch', '训练/损失', 'k'.repeat(200)];
    const cases: [number, number, string, number, number, number][] = [
      [1, 1_700_000_000_000_000, 'a', 0, 1_700_000_000_000_000, 0],
      [2, 1_700_000_000_123_456, 'a', 1, 1_700_000_000_000_001, -0],
      [-1, 0, 'a', 0, 0, NaN],
      [-5, 1, 'b', 2 ** 40, 999_999, Infinity],
      [2 ** 31, 1_799_999_999_999_999, 'b', 2 ** 53 - 1, 1_000_000, -Infinity],
    ];
    for (let i = 0; i < 2000; i++) {
      cases.push([
        1 + rng.int(5_000_000),
        1_600_000_000_000_000 + rng.int(2 ** 30) * 1000 + rng.int(1000),
        keys[rng.int(keys.length)],
        rng.next() < 0.1 ? 0 : rng.int(10_000_000),
        1_600_000_000_000_000 + rng.int(2 ** 30) * 1000,
        (rng.next() - 0.5) * 10 ** (rng.int(40) - 20),
      ]);
    }
    for (const c of cases) expect(Buffer.from(enc.encode(...c)).toString('hex')).toBe(Buffer.from(reference(...c)).toString('hex'));
  });

  it('decodes back to the values it was given', () => {
    const enc = new ScalarRecordEncoder();
    const r = decodeRunRecord(enc.encode(42, 1_764_000_000_500_000, 'val/acc', 1234, 1_764_000_000_400_123, 0.875));
    expect(int64(r.num)).toBe(42);
    expect(r.scalar).toMatchObject({ key: 'val/acc', type: 1, value: { number: 0.875 } });
    expect(int64(r.scalar!.step)).toBe(1234);
    expect(int64(r.scalar!.timestamp!.seconds)).toBe(1_764_000_000);
    expect(r.scalar!.timestamp!.nanos).toBe(400_123_000);
  });
});
