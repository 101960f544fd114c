import { describe, expect, it } from 'vitest';
import type { CloudRunRow } from '../../../shared/contract';
import {
  allConfigKeys, differingConfigKeys, filterRows, formatConfigValue, nextSort, NO_FILTER, shownConfigColumns, sortRows, stateCounts,
} from './runsTable';

function row(name: string, status: CloudRunRow['status'], createdAt: string | null, config: CloudRunRow['config']): CloudRunRow {
  return { id: `id-${name}`, name, status, createdAt, finishedAt: null, config, webUrl: null };
}

const rows = [
  row('baseline', 'finished', '2026-11-20T08:00:00Z', { lr: 0.01, optimizer: 'adam', 'model.depth': 12, seed: 1 }),
  row('lr0.3-crash', 'crashed', '2026-11-20T09:00:00Z', { lr: 0.3, optimizer: 'sgd', 'model.depth': 6, seed: 1 }),
  row('still-going', 'running', '2026-11-20T10:00:00Z', { lr: 0.05, optimizer: 'adam', seed: 1 }),
  row('run-10', 'finished', null, { lr: 0.001, optimizer: 'Adam', seed: 1, fp16: true }),
];

describe('config columns', () => {
  it('lists every key and picks those whose values differ (missing counts as different)', () => {
    expect(allConfigKeys(rows)).toEqual(['fp16', 'lr', 'model.depth', 'optimizer', 'seed']);
    expect(differingConfigKeys(rows)).toEqual(['fp16', 'lr', 'model.depth', 'optimizer']);
    expect(differingConfigKeys(rows.slice(0, 1))).toEqual([]);
  });

  it('keeps the chosen columns that still exist, in the chosen order', () => {
    expect(shownConfigColumns(rows, ['seed', 'gone', 'lr'])).toEqual(['seed', 'lr']);
    expect(shownConfigColumns(rows, null)).toEqual(['fp16', 'lr', 'model.depth', 'optimizer']);
    expect(shownConfigColumns(rows, [])).toEqual([]);
  });

  it('formats values briefly', () => {
    expect(formatConfigValue(0.001)).toBe('0.001');
    expect(formatConfigValue(0.000012345)).toBe('0.0000123');
    expect(formatConfigValue(null)).toBe('');
    expect(formatConfigValue(undefined)).toBe('');
    expect(formatConfigValue(true)).toBe('true');
  });
});

describe('filters', () => {
  const names = (r: CloudRunRow[]) => r.map((x) => x.name);
  it('by state, name substring (any case) and config value', () => {
    expect(names(filterRows(rows, { ...NO_FILTER, states: ['finished'] }))).toEqual(['baseline', 'run-10']);
    expect(names(filterRows(rows, { ...NO_FILTER, states: ['finished', 'crashed'] }))).toEqual(['baseline', 'lr0.3-crash', 'run-10']);
    expect(names(filterRows(rows, { ...NO_FILTER, name: ' LR0 ' }))).toEqual(['lr0.3-crash']);
    expect(names(filterRows(rows, { ...NO_FILTER, configKey: 'optimizer', configValue: 'adam' }))).toEqual(['baseline', 'still-going', 'run-10']);
    expect(names(filterRows(rows, { ...NO_FILTER, configKey: 'model.depth', configValue: '6' }))).toEqual(['lr0.3-crash']);
    // any key
    expect(names(filterRows(rows, { ...NO_FILTER, configValue: 'sgd' }))).toEqual(['lr0.3-crash']);
    expect(names(filterRows(rows, { ...NO_FILTER, states: ['running'], name: 'base' }))).toEqual([]);
  });
});

describe('sorting', () => {
  const names = (r: CloudRunRow[]) => r.map((x) => x.name);
  it('by created (missing last), name (numeric aware), state and a config column', () => {
    expect(names(sortRows(rows, { column: 'created', dir: 'desc' }))).toEqual(['still-going', 'lr0.3-crash', 'baseline', 'run-10']);
    expect(names(sortRows(rows, { column: 'created', dir: 'asc' }))).toEqual(['baseline', 'lr0.3-crash', 'still-going', 'run-10']);
    expect(names(sortRows(rows, { column: 'name', dir: 'asc' }))).toEqual(['baseline', 'lr0.3-crash', 'run-10', 'still-going']);
    expect(names(sortRows(rows, { column: 'config:lr', dir: 'asc' }))).toEqual(['run-10', 'baseline', 'still-going', 'lr0.3-crash']);
    expect(names(sortRows(rows, { column: 'config:lr', dir: 'desc' }))).toEqual(['lr0.3-crash', 'still-going', 'baseline', 'run-10']);
    expect(names(sortRows(rows, { column: 'config:model.depth', dir: 'desc' }))).toEqual(['baseline', 'lr0.3-crash', 'run-10', 'still-going']);
    expect(names(sortRows(rows, { column: 'state', dir: 'asc' }))).toEqual(['still-going', 'lr0.3-crash', 'baseline', 'run-10']);
  });

  it('header clicks flip the direction of the same column', () => {
    expect(nextSort({ column: 'name', dir: 'asc' }, 'name')).toEqual({ column: 'name', dir: 'desc' });
    expect(nextSort({ column: 'name', dir: 'desc' }, 'created')).toEqual({ column: 'created', dir: 'desc' });
    expect(nextSort({ column: 'created', dir: 'desc' }, 'config:lr')).toEqual({ column: 'config:lr', dir: 'asc' });
  });

  it('counts states', () => {
    expect(Object.fromEntries(stateCounts(rows))).toEqual({ finished: 2, crashed: 1, running: 1 });
  });
});
