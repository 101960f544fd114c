import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from './wire';

describe('wire encoding', () => {
  it('round-trips typed arrays bit-exactly, including NaN and infinities inside them', () => {
    const v = Float64Array.from([0, -0, 1.5, Number.NaN, Infinity, -Infinity, 1e-310, 2 ** 53 + 2]);
    const back = decodeWire<{ a: Float64Array }>(encodeWire({ a: v })).a;
    expect(back).toBeInstanceOf(Float64Array);
    expect(Array.from(back)).toEqual(Array.from(v));
    expect(Object.is(back[1], -0)).toBe(true);
  });
  it('keeps non-finite plain numbers that JSON cannot carry', () => {
    const back = decodeWire<{ x: number[]; y: number }>(encodeWire({ x: [1, Number.NaN], y: -Infinity }));
    expect(back.x[1]).toBeNaN();
    expect(back.y).toBe(-Infinity);
  });
  it('encodes a subarray view, not its whole buffer', () => {
    const big = Float64Array.from({ length: 100 }, (_, i) => i);
    expect(Array.from(decodeWire<Float64Array>(encodeWire(big.subarray(10, 13))))).toEqual([10, 11, 12]);
  });
});
