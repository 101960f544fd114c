import { describe, expect, it } from 'vitest';
import { decimalToDouble } from './decimalToDouble';
import { prng } from './fixtures.testkit';
import { parseLogLine } from './logLine';

/** hi/lo/exp of a plain decimal string (digits with an optional point). */
function split(s: string): [number, number, number] {
  const [int, frac = ''] = s.split('.');
  const digits = (int + frac).replace(/^0+/, '');
  const m = BigInt(digits || '0');
  return [Number(m / 100_000_000n), Number(m % 100_000_000n), -frac.length];
}

function randomDigits(rnd: () => number, n: number): string {
  let s = String(1 + Math.floor(rnd() * 9));
  for (let i = 1; i < n; i++) s += String(Math.floor(rnd() * 10));
  return s;
}

describe('decimalToDouble', () => {
  it('equals Number() or declines, on random 17–19 digit mantissas and exponents', () => {
    const rnd = prng(17);
    let declined = 0;
    const total = 300_000;
    for (let i = 0; i < total; i++) {
      const digits = randomDigits(rnd, 17 + Math.floor(rnd() * 3));
      const point = 1 + Math.floor(rnd() * 22); // digits after the point
      const s = point >= digits.length ? `0.${digits.padStart(point, '0')}` : `${digits.slice(0, digits.length - point)}.${digits.slice(digits.length - point)}`;
      const [hi, lo, exp] = split(s);
      const v = decimalToDouble(hi, lo, exp);
      if (Number.isNaN(v)) declined++;
      else if (v !== Number(s)) expect(v, s).toBe(Number(s));
    }
    // what it declines are exact ties (e.g. 5951152849488914.5): short fractions of big numbers
    expect(declined / total).toBeLessThan(0.005);
  });

  it('equals Number() on the shortest repr of random doubles (what the SDK writes)', () => {
    const rnd = prng(18);
    let checked = 0;
    for (let i = 0; i < 300_000; i++) {
      const x = (rnd() - 0.5) * 10 ** Math.floor(rnd() * 12 - 6);
      const s = String(Math.abs(x));
      if (s.includes('e')) continue;
      const [hi, lo, exp] = split(s);
      if (exp === 0 || hi === 0) continue;
      const v = decimalToDouble(hi, lo, exp);
      if (!Number.isNaN(v)) {
        checked++;
        if (v !== Math.abs(x)) expect(v, s).toBe(Math.abs(x));
      }
    }
    expect(checked).toBeGreaterThan(50_000);
  });

  it('declines near ties and outside its range instead of guessing', () => {
    // 9007199254740993.0 = 2^53 + 1 lies exactly halfway between two doubles
    expect(decimalToDouble(900719925, 47409930, -1)).toBeNaN();
    expect(decimalToDouble(1, 0, 0)).toBeNaN();
    expect(decimalToDouble(1, 0, -23)).toBeNaN();
    expect(decimalToDouble(0, 5, -3)).toBeNaN();
    // just off the tie: decided
    expect(decimalToDouble(900719925, 47409931, -1)).toBe(Number('9007199254740993.1'));
    expect(decimalToDouble(900719925, 47409929, -1)).toBe(Number('9007199254740992.9'));
  });

  it('gives the same values through the .log line parser as JSON.parse', () => {
    const rnd = prng(19);
    for (let i = 0; i < 50_000; i++) {
      const x = (rnd() < 0.5 ? -1 : 1) * rnd() * 10 ** Math.floor(rnd() * 6 - 3);
      const text = rnd() < 0.5 ? String(x) : x.toPrecision(17 + Math.floor(rnd() * 3));
      const p = parseLogLine(`{"index": ${i}, "data": ${text}, "create_time": "2026-11-24T05:00:31.774976+00:00"}`);
      if (!Object.is(p?.value, JSON.parse(text))) expect(p?.value, text).toBe(JSON.parse(text));
    }
  });
});
