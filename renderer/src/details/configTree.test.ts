import { describe, expect, it } from 'vitest';
import { branchIds, flattenConfig, formatLeaf, visibleConfigRows } from './configTree';

const config = {
  model: { depth: 18, name: 'resnet18', pretrained: false },
  optimizer: { betas: [0.9, 0.999], lr: 0.3, name: 'sgd' },
  data: { augment: { crop: 32, flip: true }, dataset: 'cifar10' },
  layers: [{ width: 64 }, { width: 128 }],
  epochs: 10,
  notes: {},
};

describe('flattenConfig', () => {
  const rows = flattenConfig(config);

  it('lists nodes depth first in config order with depths', () => {
    expect(rows.map((r) => `${'  '.repeat(r.depth)}${r.key}`)).toEqual([
      'model', '  depth', '  name', '  pretrained',
      'optimizer', '  betas', '  lr', '  name',
      'data', '  augment', '    crop', '    flip', '  dataset',
      'layers', '  [0]', '    width', '  [1]', '    width',
      'epochs', 'notes',
    ]);
  });

  it('formats leaves and marks branches with their child count', () => {
    const byKey = (k: string) => rows.find((r) => r.key === k)!;
    expect(byKey('betas').value).toBe('[0.9, 0.999]');
    expect(byKey('flip').value).toBe('true');
    expect(byKey('notes').value).toBe('{}');
    expect(byKey('augment')).toMatchObject({ value: null, childCount: 2 });
    expect(byKey('layers')).toMatchObject({ value: null, childCount: 2 });
  });

  it('gives unique ids even for repeated keys', () => {
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });
});

describe('formatLeaf', () => {
  it('spells out non-finite numbers and quotes strings inside arrays', () => {
    expect(formatLeaf(Number.NaN)).toBe('NaN');
    expect(formatLeaf(-Infinity)).toBe('-inf');
    expect(formatLeaf(['a', 1, null])).toBe('["a", 1, null]');
    expect(formatLeaf('plain')).toBe('plain');
  });
});

describe('visibleConfigRows', () => {
  const rows = flattenConfig(config);

  it('hides the descendants of collapsed branches', () => {
    const v = visibleConfigRows(rows, new Set([rows.find((r) => r.key === 'data')!.id]), '');
    expect(v.rows.map((r) => r.key)).not.toContain('augment');
    expect(v.rows.map((r) => r.key)).toContain('data');
    expect(v.matchCount).toBe(0);
  });

  it('collapse all leaves only the top level', () => {
    const v = visibleConfigRows(rows, new Set(branchIds(rows)), '');
    expect(v.rows.map((r) => r.key)).toEqual(['model', 'optimizer', 'data', 'layers', 'epochs', 'notes']);
  });

  it('shows matches with their ancestors even when collapsed, and counts them', () => {
    const v = visibleConfigRows(rows, new Set(branchIds(rows)), 'FLIP');
    expect(v.rows.map((r) => r.key)).toEqual(['data', 'augment', 'flip']);
    expect(v.matchCount).toBe(1);
  });

  it('matches values as well as keys', () => {
    const v = visibleConfigRows(rows, new Set(), 'sgd');
    expect(v.rows.map((r) => r.key)).toEqual(['optimizer', 'name']);
    expect(v.matchCount).toBe(1);
  });

  it('keeps the whole subtree of a matching branch', () => {
    const v = visibleConfigRows(rows, new Set(), 'augment');
    expect(v.rows.map((r) => r.key)).toEqual(['data', 'augment', 'crop', 'flip']);
    expect(v.matchCount).toBe(1);
  });

  it('counts every matching row', () => {
    expect(visibleConfigRows(rows, new Set(), 'name').matchCount).toBe(2);
    expect(visibleConfigRows(rows, new Set(), 'zzz')).toEqual({ rows: [], matchCount: 0 });
  });
});
