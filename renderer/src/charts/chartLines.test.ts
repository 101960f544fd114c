import { describe, expect, it } from 'vitest';
import { chartLines, KEY_COLORS, type KeyLines } from './chartLines';

const f = (...xs: number[]) => Float64Array.from(xs);
const names = new Map([['r1', 'alpha'], ['r2', 'beta']]);
const colors = new Map([['r1', '#111111'], ['r2', '#222222']]);
const series = (runId: string) => ({ runId, steps: f(0, 1), values: f(1, 2) });
const key = (k: string, label: string, ...runIds: string[]): KeyLines => ({ key: k, label, series: runIds.map(series) });

describe('chart lines', () => {
  it('a chart of one key: one line per run in its colour, named by the run', () => {
    const { lines, legend } = chartLines([key('train/loss', 'train/loss', 'r1', 'r2', 'gone')], names, colors);
    expect(lines.map((l) => [l.id ?? l.runId, l.name, l.color, l.dash])).toEqual([
      ['r1', 'alpha', '#111111', undefined], ['r2', 'beta', '#222222', undefined]]);
    expect(legend).toEqual([]);
  });

  it('a group with one run: a colour per key, lines named run · key', () => {
    const { lines, legend } = chartLines([key('d.read', 'MB read', 'r1'), key('d.write', 'MB written', 'r1')], names, colors);
    expect(lines.map((l) => [l.id, l.name, l.color, l.dash])).toEqual([
      ['r1\nd.read', 'alpha · MB read', KEY_COLORS[0], undefined],
      ['r1\nd.write', 'alpha · MB written', KEY_COLORS[1], undefined]]);
    expect(legend.map((x) => [x.label, x.color, x.dash])).toEqual([['MB read', KEY_COLORS[0], null], ['MB written', KEY_COLORS[1], null]]);
  });

  it('a group with several runs: run colours, a line pattern per key', () => {
    const { lines, legend } = chartLines([key('d.read', 'MB read', 'r1', 'r2'), key('d.write', 'MB written', 'r1', 'r2')], names, colors);
    expect(lines.map((l) => [l.name, l.color, l.dash])).toEqual([
      ['alpha · MB read', '#111111', 'solid'], ['beta · MB read', '#222222', 'solid'],
      ['alpha · MB written', '#111111', 'dashed'], ['beta · MB written', '#222222', 'dashed']]);
    expect(legend.map((x) => [x.color, x.dash])).toEqual([[null, 'solid'], [null, 'dashed']]);
    expect(new Set(lines.map((l) => l.id)).size).toBe(4);
  });
});
