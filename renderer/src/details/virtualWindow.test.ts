import { describe, expect, it } from 'vitest';
import { isAtEnd, rowWindow, scrollTopToReveal } from './virtualWindow';

const base = { rowHeight: 20, overscan: 0 };

describe('rowWindow', () => {
  it('covers exactly the visible rows without overscan', () => {
    expect(rowWindow({ ...base, scrollTop: 0, viewportHeight: 100, count: 1000 })).toEqual({ start: 0, end: 5, offsetTop: 0, totalHeight: 20_000 });
    expect(rowWindow({ ...base, scrollTop: 210, viewportHeight: 100, count: 1000 })).toEqual({ start: 10, end: 16, offsetTop: 200, totalHeight: 20_000 });
  });

  it('adds overscan on both sides within bounds', () => {
    const w = rowWindow({ ...base, overscan: 3, scrollTop: 200, viewportHeight: 100, count: 1000 });
    expect([w.start, w.end]).toEqual([7, 18]);
    const top = rowWindow({ ...base, overscan: 3, scrollTop: 0, viewportHeight: 100, count: 1000 });
    expect([top.start, top.end]).toEqual([0, 8]);
  });

  it('clamps a scroll position beyond the content (list shrank)', () => {
    const w = rowWindow({ ...base, scrollTop: 50_000, viewportHeight: 100, count: 10 });
    expect([w.start, w.end]).toEqual([5, 10]);
  });

  it('renders everything when the list is shorter than the viewport', () => {
    const w = rowWindow({ ...base, scrollTop: 0, viewportHeight: 500, count: 3 });
    expect([w.start, w.end, w.totalHeight]).toEqual([0, 3, 60]);
  });

  it('renders nothing for an empty list', () => {
    expect(rowWindow({ ...base, scrollTop: 0, viewportHeight: 500, count: 0 })).toEqual({ start: 0, end: 0, offsetTop: 0, totalHeight: 0 });
  });

  it('keeps the window small for 100k rows at the very end', () => {
    const w = rowWindow({ rowHeight: 18, overscan: 20, scrollTop: 100_000 * 18, viewportHeight: 600, count: 100_000 });
    expect(w.end).toBe(100_000);
    expect(w.end - w.start).toBeLessThan(80);
    expect(w.offsetTop).toBe(w.start * 18);
  });
});

describe('scrollTopToReveal', () => {
  it('does not move when the row is already visible', () => {
    expect(scrollTopToReveal(5, 20, 60, 100)).toBe(60);
  });

  it('centres a row that is out of view', () => {
    expect(scrollTopToReveal(100, 20, 0, 100)).toBe(2000 - 40);
    expect(scrollTopToReveal(0, 20, 500, 100)).toBe(0);
  });
});

describe('isAtEnd', () => {
  it('is true at the bottom and within the slack', () => {
    expect(isAtEnd(900, 100, 1000)).toBe(true);
    expect(isAtEnd(897, 100, 1000)).toBe(true);
    expect(isAtEnd(800, 100, 1000)).toBe(false);
  });
});
