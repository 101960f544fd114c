import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLogLine, type LogPoint } from './logLine';
import { LOCAL_SETS, manifest, prng, python, runDir, tempDir } from './fixtures.testkit';

const T = '2026-11-24T05:00:31.774976+00:00';
const T_MS = Date.UTC(2026, 10, 24, 5, 0, 31) + 774.976;

/** The same line through the general (tolerant JSON) path: the fast path needs `{"index": ` at byte 0. */
function viaGeneralPath(line: string): LogPoint | null {
  return parseLogLine(` ${line}`);
}

function expectSameValue(a: number | null | undefined, b: number | null | undefined): void {
  expect(Object.is(a, b), `${a} vs ${b}`).toBe(true);
}

describe('parseLogLine: the SDK shape', () => {
  it('reads a plain scalar point', () => {
    const p = parseLogLine(`{"index": 2499, "data": 0.1120570155194666, "create_time": "${T}"}`);
    expect(p).toEqual({ step: 2499, value: 0.1120570155194666, list: null, more: null, createTime: T, timeMs: T_MS, legacyNonFinite: false });
  });

  it('reads ≤0.7 "NaN" / "INF" strings as legacy non-finite values (INF loses its sign)', () => {
    for (const [data, value] of [['"NaN"', NaN], ['"INF"', Infinity]] as const) {
      const line = `{"index": 3, "data": ${data}, "create_time": "${T}"}`;
      const p = parseLogLine(line)!;
      expectSameValue(p.value, value);
      expect(p.legacyNonFinite).toBe(true);
      expect(viaGeneralPath(line)).toEqual(p);
    }
  });

  it('reads 0.8+ bare NaN / Infinity / -Infinity tokens (not strict JSON)', () => {
    for (const [data, value] of [['NaN', NaN], ['Infinity', Infinity], ['-Infinity', -Infinity]] as const) {
      const line = `{"index": 7, "data": ${data}, "create_time": "${T}"}`;
      const p = parseLogLine(line)!;
      expectSameValue(p.value, value);
      expect(p.legacyNonFinite).toBe(false);
      expect(viaGeneralPath(line)).toEqual(p);
    }
  });

  it('leaves the words NaN / Infinity inside strings alone', () => {
    const line = `{"index": 500, "data": ["NaN is not \\"Infinity\\", -Infinity", "NaN"], "create_time": "${T}", "more": [{"caption": "NaN"}, null]}`;
    const p = parseLogLine(line)!;
    expect(p.list).toEqual(['NaN is not "Infinity", -Infinity', 'NaN']);
    expect(p.more).toEqual([{ caption: 'NaN' }, null]);
    expect(p.value).toBeNull();
    expect(p.timeMs).toBe(T_MS);
  });

  it('reads media lines of every generation', () => {
    const img = parseLogLine(`{"index": 500, "data": ["image-step500-810b4a789b34b18c.png", "image-step500-ae8e4811c5adb692.png"], "create_time": "${T}", "more": [{"caption": "pred step 500 #0"}, {"caption": "pred step 500 #1"}]}`)!;
    expect(img.list).toHaveLength(2);
    expect(img.more![1]).toEqual({ caption: 'pred step 500 #1' });
    const text = parseLogLine(`{"index": 500, "data": ["step 500: the quick brown fox 0.4649"], "create_time": "${T}", "more": [null]}`)!;
    expect(text.list).toEqual(['step 500: the quick brown fox 0.4649']);
    const text04 = parseLogLine(`{"index": 1000, "data": ["step 1000: the quick brown fox 0.1574"], "create_time": "${T}"}`)!;
    expect(text04.more).toBeNull();
  });

  it('parses numbers exactly like Number() in every JSON spelling', () => {
    const tokens = [
      '0', '-0', '0.0', '-0.0', '0.1', '2.3456772901126617', '1e-05', '1E5', '1e+5', '1.5e-7', '5e-324', '1.7976931348623157e+308',
      '1e400', '-1e400', '123456789012345678', '9007199254740993', '9007199254740992', '0.30000000000000004', '100.0',
      '1e22', '1e23', '4.35e-22', '0.000001', '12345678901234567890123', '2.2250738585072014e-308',
    ];
    for (const tok of tokens) {
      const line = `{"index": 1, "data": ${tok}, "create_time": "${T}"}`;
      expectSameValue(parseLogLine(line)!.value, Number(tok));
      expectSameValue(viaGeneralPath(line)!.value, Number(tok));
    }
  });

  it('parses random doubles in JS and Python-like spellings exactly', () => {
    const rnd = prng(7);
    const view = new DataView(new ArrayBuffer(8));
    for (let k = 0; k < 20_000; k++) {
      view.setUint32(0, Math.floor(rnd() * 2 ** 32));
      view.setUint32(4, Math.floor(rnd() * 2 ** 32));
      let x = view.getFloat64(0);
      if (!Number.isFinite(x)) continue;
      if (k % 2 === 0) x = rnd() * 10 ** Math.floor(rnd() * 10 - 5); // the usual metric range
      for (const tok of [String(x), x.toExponential(), x.toPrecision(17)]) {
        if (!/^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?$/.test(tok)) continue;
        const p = parseLogLine(`{"index": ${k}, "data": ${tok}, "create_time": "${T}"}`);
        expectSameValue(p?.value, Number(tok));
      }
    }
  });

  it('rejects what Python json.loads rejects', () => {
    for (const tok of ['01', '1.', '.5', '+1', '1e', '-', '--1', '0x10', 'nan', 'inf', '"nan"x', 'NaNa']) {
      expect(parseLogLine(`{"index": 1, "data": ${tok}, "create_time": "${T}"}`), tok).toBeNull();
    }
    expect(parseLogLine(`{"index": 007, "data": 1, "create_time": "${T}"}`)).toBeNull();
    expect(parseLogLine(`{"index": 1, "data": 1, "create_time": "a\tb"}`)).toBeNull(); // raw control char
    expect(parseLogLine(`{"index": 1, "data": 1, "create_time": "${T}"} x`)).toBeNull();
  });

  it('needs a numeric index', () => {
    expect(parseLogLine(`{"index": "5", "data": 1, "create_time": "${T}"}`)).toBeNull();
    expect(parseLogLine(`{"index": true, "data": 1}`)).toBeNull();
    expect(parseLogLine(`{"data": 1, "create_time": "${T}"}`)).toBeNull();
    expect(parseLogLine('[1, 2]')).toBeNull();
    expect(parseLogLine('')).toBeNull();
    expect(parseLogLine(`{"index": -1, "data": 1, "create_time": "${T}"}`)!.step).toBe(-1);
    expect(parseLogLine(`{"index": 1.5, "data": 1, "create_time": "${T}"}`)!.step).toBe(1.5);
  });

  it('keeps points whose data is neither a number nor a list, with value and list null', () => {
    const p = parseLogLine(`{"index": 4, "data": "hello", "create_time": "${T}"}`)!;
    expect(p.value).toBeNull();
    expect(p.list).toBeNull();
    expect(p.legacyNonFinite).toBe(false);
  });

  it('tolerates whitespace and \\r around the object, and other key orders', () => {
    const base = parseLogLine(`{"index": 1, "data": 0.5, "create_time": "${T}"}`);
    expect(parseLogLine(`{"index": 1, "data": 0.5, "create_time": "${T}"}\r`)).toEqual(base);
    expect(parseLogLine(`  {"index": 1, "data": 0.5, "create_time": "${T}"}  `)).toEqual(base);
    expect(parseLogLine(`{"create_time":"${T}","data":0.5,"index":1}`)).toEqual(base);
  });
});

describe('parseLogLine: create_time', () => {
  const at = (t: string) => parseLogLine(`{"index": 1, "data": 1, "create_time": "${t}"}`)!;

  it('keeps sub-millisecond precision as a fraction', () => {
    expect(at(T).timeMs).toBe(T_MS);
    expect(at('2026-11-24T05:00:31.000001+00:00').timeMs).toBe(Date.UTC(2026, 10, 24, 5, 0, 31) + 0.001);
    expect(at('2026-11-24T05:00:31.5+00:00').timeMs).toBe(Date.UTC(2026, 10, 24, 5, 0, 31, 500));
  });

  it('reads isoformat without microseconds, Z, other offsets and naive times (UTC)', () => {
    const base = Date.UTC(2026, 10, 24, 5, 0, 31);
    expect(at('2026-11-24T05:00:31+00:00').timeMs).toBe(base);
    expect(at('2026-11-24T05:00:31Z').timeMs).toBe(base);
    expect(at('2026-11-24T13:00:31+08:00').timeMs).toBe(base);
    expect(at('2026-11-24T00:30:31-04:30').timeMs).toBe(base);
    expect(at('2026-11-24T05:00:31').timeMs).toBe(base);
    expect(at('2026-11-24 05:00:31').timeMs).toBe(base);
    expect(at('0099-01-01T00:00:00+00:00').timeMs).toBe(new Date(0).setUTCFullYear(99, 0, 1));
  });

  it('is NaN for anything that is not a time, createTime kept as written', () => {
    for (const t of ['', 'yesterday', '2026-02-31T00:00:00+00:00', '2026-11-24T25:00:00+00:00', '2026-11-24T05:00:31.+00:00', '1']) {
      const p = at(t);
      expect(p.timeMs, t).toBeNaN();
      expect(p.createTime).toBe(t);
    }
    const none = parseLogLine('{"index": 1, "data": 1}')!;
    expect(none.createTime).toBeNull();
    expect(none.timeMs).toBeNaN();
  });
});

/** A few real lines of every generation, plus hand-made non-finite ones. */
function sampleLines(): string[] {
  const out: string[] = [];
  for (const set of LOCAL_SETS) {
    for (const [run, r] of Object.entries(manifest(set).runs)) {
      for (const folder of Object.keys(r.logs ?? {}).slice(0, 8)) {
        const text = fs.readFileSync(path.join(runDir(set, run), 'logs', folder, '1000.log'), 'utf8');
        out.push(...text.split('\n').filter((l) => l !== '').slice(0, 2));
      }
      break;
    }
  }
  out.push(`{"index": 3, "data": "NaN", "create_time": "${T}"}`, `{"index": 7, "data": -Infinity, "create_time": "${T}"}`);
  return out;
}

describe('parseLogLine: fuzz', () => {
  const lines = sampleLines();

  it('has real lines of every generation to work on', () => {
    expect(lines.length).toBeGreaterThan(60);
    for (const l of lines) expect(parseLogLine(l), l).not.toBeNull();
  });

  it('rejects every proper prefix of a line (a torn tail is never a point) and never throws', () => {
    for (const line of lines) {
      for (let cut = 0; cut < line.length; cut++) expect(parseLogLine(line.slice(0, cut)), line.slice(0, cut)).toBeNull();
    }
  });

  it('never throws on bit flips, and the fast path agrees with the general one', () => {
    const rnd = prng(20261124);
    const fuzzed: string[] = [];
    for (let k = 0; k < 30_000; k++) {
      const bytes = Buffer.from(lines[Math.floor(rnd() * lines.length)], 'utf8');
      const flips = 1 + Math.floor(rnd() * 3);
      for (let f = 0; f < flips; f++) bytes[Math.floor(rnd() * bytes.length)] ^= 1 << Math.floor(rnd() * 8);
      const s = bytes.toString('utf8');
      if (s.includes('\n')) continue; // a flip to 0x0A makes two lines in a file
      fuzzed.push(s);
      const fast = parseLogLine(s);
      expect(viaGeneralPath(s), s).toEqual(fast);
    }
    expect(fuzzed.length).toBeGreaterThan(25_000);
  });

  it('accepts exactly the fuzzed lines Python json.loads accepts, with the same step and value', () => {
    const rnd = prng(42);
    const fuzzed: string[] = [];
    while (fuzzed.length < 5000) {
      const bytes = Buffer.from(lines[Math.floor(rnd() * lines.length)], 'utf8');
      bytes[Math.floor(rnd() * bytes.length)] ^= 1 << Math.floor(rnd() * 8);
      const s = bytes.toString('utf8');
      if (!/[\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85]/.test(s)) fuzzed.push(s); // Python splits lines on these too
    }
    const file = path.join(tempDir('fuzz'), 'lines.json');
    fs.writeFileSync(file, JSON.stringify(fuzzed));
    const out = python(
      `import json, math, sys
res = []
for s in json.load(open(sys.argv[1])):
    try:
        o = json.loads(s)
    except ValueError:
        res.append(None); continue
    i = o.get("index") if isinstance(o, dict) else None
    if isinstance(i, bool) or not isinstance(i, (int, float)) or not math.isfinite(i):
        res.append(None); continue
    d = o.get("data")
    v = repr(float(d)) if isinstance(d, (int, float)) and not isinstance(d, bool) else {"NaN": "nan", "INF": "inf", "-INF": "-inf"}.get(d) if isinstance(d, str) else None
    res.append([float(i), v, isinstance(d, list)])
print(json.dumps(res))`,
      [file],
    );
    if (python('print(1)') === null) return; // no python3: the bit-flip test above covers the no-throw part
    expect(out).not.toBeNull();
    const expected = JSON.parse(out!) as ([number, string | null, boolean] | null)[];
    fuzzed.forEach((s, k) => {
      const p = parseLogLine(s);
      const e = expected[k];
      if (e === null) {
        expect(p, s).toBeNull();
        return;
      }
      expect(p, s).not.toBeNull();
      expect(p!.step).toBe(e[0]);
      const v = e[1] === null ? null : e[1] === 'nan' ? NaN : e[1] === 'inf' ? Infinity : e[1] === '-inf' ? -Infinity : Number(e[1]);
      expectSameValue(p!.value, v);
      expect(p!.list !== null).toBe(e[2]);
    });
  });
});
