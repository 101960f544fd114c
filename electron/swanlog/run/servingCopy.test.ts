import { describe, expect, it } from 'vitest';
import { servingCopy } from './servingCopy';

describe('servingCopy', () => {
  it('serves logs/ unless the record file has more points', () => {
    expect(servingCopy(10, 10)).toBe('logs');
    expect(servingCopy(10, 9)).toBe('logs');
    expect(servingCopy(0, null)).toBe('logs');
    expect(servingCopy(9, 10)).toBe('record');
    expect(servingCopy(9, Infinity)).toBe('record');
  });

  it('serves whichever copy exists, or none', () => {
    expect(servingCopy(null, 0)).toBe('record');
    expect(servingCopy(null, null)).toBe('none');
  });
});
