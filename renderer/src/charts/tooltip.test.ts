import { describe, expect, it } from 'vitest';
import { escapeHtml, formatCompact, formatValue } from './chartFormat';
import { indexAtStep, tooltipHtml } from './tooltip';

const f = (...xs: number[]) => Float64Array.from(xs);

describe('tooltip', () => {
  it('finds the closest point inside the run, none outside', () => {
    const steps = f(0, 10, 20);
    expect(indexAtStep(steps, 0)).toBe(0);
    expect(indexAtStep(steps, 4)).toBe(0);
    expect(indexAtStep(steps, 6)).toBe(1);
    expect(indexAtStep(steps, 20)).toBe(2);
    expect(indexAtStep(steps, 21)).toBe(-1);
    expect(indexAtStep(f(), 0)).toBe(-1);
  });

  it('lists every run, with a dash where it has no value, and escapes names', () => {
    const html = tooltipHtml(10, [
      { name: '<b>x</b>', color: '#123456', steps: f(0, 10), values: f(1, NaN) },
      { name: 'late', color: '#654321', steps: f(100), values: f(2) },
    ], 'step');
    expect(html).toContain('step 10');
    expect(html).toContain('&#60;b&#62;x&#60;/b&#62;');
    expect(html).toContain('NaN');
    expect(html).toContain('—');
  });

  it('shows a group line\'s pattern instead of the colour dot', () => {
    const html = tooltipHtml(0, [{ name: 'run · key', color: '#123456', dash: 'dashed', steps: f(0), values: f(1) }], 'step');
    expect(html).toContain('class="tt-line" style="border-top:2px dashed #123456"');
    expect(html).not.toContain('tt-dot');
  });

  it('formats values and axis ticks', () => {
    expect(formatValue(0.123456789)).toBe('0.123457');
    expect(formatValue(Infinity)).toBe('inf');
    expect(formatValue(-Infinity)).toBe('-inf');
    expect(formatValue(1e-7)).toBe('1e-7');
    expect(formatValue(12345678)).toBe('1.235e+7');
    expect(formatCompact(12500)).toBe('12.5k');
    expect(formatCompact(2499)).toBe('2499');
    expect(formatCompact(3_000_000)).toBe('3M');
    expect(escapeHtml(`"a"&'b'`)).toBe('&#34;a&#34;&#38;&#39;b&#39;');
  });
});
