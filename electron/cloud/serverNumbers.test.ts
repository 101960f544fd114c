import { describe, expect, it } from 'vitest';
import { serverNumber, timestampMs } from './serverNumbers';

describe('server numbers', () => {
  it('maps the server spellings of non-finite values', () => {
    expect(serverNumber('INF')).toBe(Infinity);
    expect(serverNumber('-INF')).toBe(-Infinity);
    expect(serverNumber('inf')).toBe(Infinity);
    expect(serverNumber('NaN')).toBeNaN();
    expect(serverNumber(0.1)).toBe(0.1);
    expect(serverNumber('0.482057')).toBe(0.482057);
    expect(serverNumber('1e-07')).toBe(1e-7);
    expect(serverNumber(null)).toBeNaN();
    expect(serverNumber('garbage')).toBeNaN();
  });

  it('normalises timestamps to ms by magnitude', () => {
    expect(timestampMs(1751825848103)).toBe(1751825848103);
    expect(timestampMs('1751825848103')).toBe(1751825848103);
    expect(timestampMs(1751825848.5)).toBe(1751825848500);
    expect(timestampMs(null)).toBeNaN();
  });
});
