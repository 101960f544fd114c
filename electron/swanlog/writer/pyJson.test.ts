import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { pyFloatRepr, pyJson, PyFloat } from './pyJson';
import { Rng } from './rng';

/** Python's own answer: repr() of each double (sent as hex so nothing is lost on the way). */
function pythonRepr(values: number[]): string[] {
  const hex = values.map((v) => {
    const b = Buffer.alloc(8);
    b.writeDoubleBE(v);
    return b.toString('hex');
  });
  const script = 'import sys,struct,json\nprint(json.dumps([repr(struct.unpack(">d", bytes.fromhex(h))[0]) for h in sys.stdin.read().split()]))';
  return JSON.parse(execFileSync('python3', ['-c', script], { input: hex.join(' '), encoding: 'utf8' }));
}

function pythonDumps(jsonText: string): string {
  const script = 'import sys,json\nsys.stdout.write(json.dumps(json.loads(sys.stdin.read()), ensure_ascii=False))';
  return execFileSync('python3', ['-c', script], { input: jsonText, encoding: 'utf8' });
}

describe('pyFloatRepr', () => {
  it('matches CPython repr() on edge cases and many random doubles', () => {
    const rng = new Rng(3);
    const values = [
      0, -0, 1, -1, 0.1, 1 / 3, 2.5, 1e-4, 9.999999999999999e-5, 1e-5, 1e15, 1e16, 9999999999999998, 1.5e16, 1e21, 1e22,
      123456789012345680000, 5e-324, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53, 2 ** 53 + 2, 0.30000000000000004, 1e100, -1e-100,
    ];
    for (let i = 0; i < 3000; i++) {
      const mag = Math.pow(10, rng.int(60) - 30);
      values.push((rng.next() - 0.5) * mag, Math.round(rng.next() * 1e6) / 1000);
    }
    expect(values.map(pyFloatRepr)).toEqual(pythonRepr(values));
  });

  it('writes non-finite values as the bare tokens Python json.dumps uses', () => {
    expect([NaN, Infinity, -Infinity].map(pyFloatRepr)).toEqual(['NaN', 'Infinity', '-Infinity']);
  });
});

describe('pyJson', () => {
  it('matches json.dumps(ensure_ascii=False) for nested values and awkward strings', () => {
    const value = {
      index: 12,
      data: [new PyFloat(1), 'tab\there', 'quote " and \\ backslash', '训练 ünïcode 🌟', 'ctl \u0001\u001f \u007f', null, true, false],
      create_time: '2026-11-24T05:12:29.753725+00:00',
      more: [{ caption: 'line\nbreak' }, null],
      big: 2 ** 60,
    };
    const ours = pyJson(value);
    expect(ours).toBe(pythonDumps(ours));
  });

  it('supports the compact separators of swanlab-metadata.json', () => {
    expect(pyJson({ a: [1, 2], b: { c: null } }, true)).toBe('{"a":[1,2],"b":{"c":null}}');
  });
});
