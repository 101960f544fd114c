import { describe, expect, it } from 'vitest';
import { applyRunRecord } from './runRecordApply';
import { decodeRunRecord, encodeRunRecord, int64, timestampFromMs } from './runRecord';
import type { RecordSink } from './recordSink';

/** Collects sink calls as [method, ...args]. */
function recordingSink(): { calls: unknown[][]; sink: RecordSink } {
  const calls: unknown[][] = [];
  const sink = new Proxy({} as RecordSink, {
    get: (_t, name) => (...args: unknown[]) => calls.push([name, ...args]),
  });
  return { calls, sink };
}

function roundtrip(obj: Record<string, unknown>) {
  const { calls, sink } = recordingSink();
  applyRunRecord(decodeRunRecord(encodeRunRecord(obj)), sink);
  return calls;
}

const T = { seconds: Date.UTC(2026, 10, 24, 5, 7, 0) / 1000, nanos: 680871000 };
const T_ISO = '2026-11-24T05:07:00.680871+00:00';
const T_MS = T.seconds * 1000 + 680.871;

describe('generation C records', () => {
  it('omits proto3 defaults on the wire and reads them back as defaults', () => {
    const bytes = encodeRunRecord({ num: 0, scalar: { key: 'k', step: 0, value: { number: 0 } } });
    const r = decodeRunRecord(bytes);
    expect(r.scalar).not.toBeNull();
    expect(r.start).toBeNull();
    expect(int64(r.num)).toBe(0);
    expect(int64(r.scalar!.step)).toBe(0);
    expect(r.scalar!.value!.number).toBe(0);
    expect(r.timestamp).toBeNull();
    expect(bytes.length).toBeLessThan(12);
  });

  it('keeps int64 steps beyond 2^32 and negative nums', () => {
    const r = decodeRunRecord(encodeRunRecord({ num: -2, scalar: { key: 'k', step: 2 ** 40 + 3 } }));
    expect(int64(r.num)).toBe(-2);
    expect(int64(r.scalar!.step)).toBe(2 ** 40 + 3);
  });

  it('maps start and finish records', () => {
    expect(roundtrip({ num: -1, timestamp: T, start: { project: 'p', name: 'n', color: '#123456', id: 'abcd1234', tags: ['a'], job_type: 'train' } })).toEqual([
      ['project', 'p', null],
      ['run', { id: 'abcd1234', name: 'n', description: null, colors: ['#123456', '#123456'], tags: ['a'], group: null, jobType: 'train', startedAt: T_ISO }],
    ]);
    expect(roundtrip({ num: -2, timestamp: T, finish: {} })).toEqual([['finish', { state: 'finished', finishedAt: T_ISO, error: null }]]);
    expect(roundtrip({ finish: { state: 'RUN_STATE_ABORTED', error: 'KeyboardInterrupt\n', finished_at: { seconds: T.seconds, nanos: 0 } } })).toEqual([
      ['finish', { state: 'aborted', finishedAt: '2026-11-24T05:07:00+00:00', error: 'KeyboardInterrupt\n' }],
    ]);
  });

  it('maps columns, including optional y_range bounds', () => {
    const [[, column]] = roundtrip({
      column: { column_class: 2, column_type: 1, column_key: '__swanlab__.x', metric_name: 'X', section_type: 4, y_range: { min: 0 } },
    });
    expect(column).toEqual({
      key: '__swanlab__.x', kid: null, type: 'line', system: true, sectionName: null, sectionType: 'SYSTEM',
      displayName: 'X', chartName: null, chartIndex: null, yRange: [0, null], error: null,
    });
  });

  it('maps scalars with native non-finite values and the scalar timestamp', () => {
    expect(roundtrip({ scalar: { key: 'k', step: 5, timestamp: T, value: { number: -Infinity } } })).toEqual([['scalar', 'k', 5, -Infinity, T_MS, false]]);
    const [[, , , value, time]] = roundtrip({ timestamp: T, scalar: { key: 'k', value: { number: NaN } } });
    expect(value).toBeNaN();
    expect(time).toBe(T_MS); // falls back to Record.timestamp
  });

  it('maps media into media/<type>/ with captions', () => {
    expect(roundtrip({ media: { key: 'm', step: 2, type: 'COLUMN_TYPE_AUDIO', timestamp: T, value: { items: [{ filename: '2-abc.wav', caption: 'c' }, { filename: '2-def.wav' }] } } })).toEqual([
      ['media', 'm', 'audio', { step: 2, timestamp: T_MS, items: [{ file: 'media/audio/2-abc.wav', text: null, caption: 'c' }, { file: 'media/audio/2-def.wav', text: null, caption: null }], more: [{ caption: 'c' }, null] }],
    ]);
  });

  it('maps log lines and save records', () => {
    expect(roundtrip({ log: { line: 'hello' } })).toEqual([['log', { text: 'hello', stream: 'stdout', level: 'info' }]]);
    expect(roundtrip({ log: { line: 'a\nb', level: 1 } })).toEqual([
      ['log', { text: 'a', stream: 'stderr', level: 'error' }],
      ['log', { text: 'b', stream: 'stderr', level: 'error' }],
    ]);
    expect(roundtrip({ save: { name: 'config', source_path: '/tmp/x/files/config.yaml', type: 1 } })).toEqual([['file', 'config', 'config.yaml']]);
    expect(roundtrip({ save: { name: 'conda', type: 'SAVE_TYPE_CONDA' } })).toEqual([['file', 'conda', 'conda.yaml']]);
    expect(roundtrip({ save: { name: 'x', source_path: '/a/b.bin', type: 0 } })).toEqual([]);
  });

  it('converts ms to encoder timestamps', () => {
    expect(timestampFromMs(T_MS)).toEqual(T);
    expect(timestampFromMs(1999.9999999)).toEqual({ seconds: 2, nanos: 0 });
  });

  it('throws on bytes that are not a record (callers skip them)', () => {
    expect(() => decodeRunRecord(Uint8Array.of(0x0a, 0xff))).toThrow();
  });
});
