import { describe, expect, it } from 'vitest';
import type { RunView } from './contract';
import { EMPTY_UI_STATE } from './uiState';
import type { MetricKeyInfo, MetricType } from './domain';
import { buildSections, chartModels, foldEntry, HIDDEN_OPEN, isFolded, leadingCharts, workspaceKeys } from './chartSections';

function key(k: string, type: MetricType = 'line', system = false, chartName: string | null = null): MetricKeyInfo {
  const section = system ? 'system' : k.includes('/') ? k.slice(0, k.indexOf('/')) : 'default';
  return { key: k, section, type, system, displayName: null, chartName };
}
const sys = (k: string, chartName: string | null) => key(k, 'line', true, chartName);

function run(id: string, keys: MetricKeyInfo[]): RunView {
  return { info: { id } as RunView['info'], keys, webUrl: null };
}

const runs = [
  run('a', [key('train/loss'), key('train/lr'), key('epoch'), key('samples/pred', 'image'), key('__swanlab__.cpu', 'line', true)]),
  run('b', [key('train/loss'), key('val/acc'), key('samples/text', 'text'), key('val/pred', 'image')]),
];

const summary = (s: ReturnType<typeof buildSections>) =>
  s.map((x) => `${x.id}:${x.kind}[${x.charts.map((c) => c.id).join(',')}|${x.media.map((k) => k.key).join(',')}]`);

describe('sections', () => {
  it('lists every key once in order of first appearance', () => {
    expect(workspaceKeys(runs).map((k) => k.key)).toEqual([
      'train/loss', 'train/lr', 'epoch', 'samples/pred', '__swanlab__.cpu', 'val/acc', 'samples/text', 'val/pred',
    ]);
  });

  it('orders namespaces, then system, then media-only namespaces', () => {
    expect(summary(buildSections(runs, EMPTY_UI_STATE))).toEqual([
      'train:namespace[train/loss,train/lr|]',
      'default:namespace[epoch|]',
      'val:namespace[val/acc|val/pred]',
      'system:system[__swanlab__.cpu|]',
      'samples:media[|samples/pred,samples/text]',
    ]);
  });

  it('moves pinned charts first (in pin order) and hidden ones last', () => {
    const ui = { ...EMPTY_UI_STATE, pinned: ['val/acc', 'train/lr', 'gone/key'], hidden: ['epoch'] };
    expect(summary(buildSections(runs, ui))).toEqual([
      'pinned:pinned[val/acc,train/lr|]',
      'train:namespace[train/loss|]',
      'system:system[__swanlab__.cpu|]',
      'samples:media[|samples/pred,samples/text]',
      'val:media[|val/pred]',
      'hidden:hidden[epoch|]',
    ]);
  });

  it('keeps the hidden section folded until opened', () => {
    const hidden = { id: 'hidden', kind: 'hidden' } as const;
    const train = { id: 'train', kind: 'namespace' } as const;
    expect(isFolded(EMPTY_UI_STATE, hidden)).toBe(true);
    expect(isFolded({ ...EMPTY_UI_STATE, folded: [HIDDEN_OPEN] }, hidden)).toBe(false);
    expect(foldEntry(hidden)).toBe(HIDDEN_OPEN);
    expect(foldEntry(train)).toBe('train');
    expect(isFolded({ ...EMPTY_UI_STATE, folded: ['train'] }, train)).toBe(true);
    expect(isFolded(EMPTY_UI_STATE, train)).toBe(false);
  });

  it('folds a namespace called "hidden" like any other', () => {
    const ns = { id: 'hidden', kind: 'namespace' } as const;
    expect(isFolded(EMPTY_UI_STATE, ns)).toBe(false);
    expect(isFolded({ ...EMPTY_UI_STATE, folded: ['hidden'] }, ns)).toBe(true);
  });

  it('names the first charts a window opens on: pinned first, folded sections and hidden charts skipped', () => {
    const ids = (ui: typeof EMPTY_UI_STATE, n: number) => leadingCharts(buildSections(runs, ui), ui, n).map((c) => c.id);
    expect(ids(EMPTY_UI_STATE, 3)).toEqual(['train/loss', 'train/lr', 'epoch']);
    expect(ids(EMPTY_UI_STATE, 99)).toEqual(['train/loss', 'train/lr', 'epoch', 'val/acc', '__swanlab__.cpu']);
    expect(ids({ ...EMPTY_UI_STATE, pinned: ['val/acc'], folded: ['train'], hidden: ['epoch'] }, 3)).toEqual(['val/acc', '__swanlab__.cpu']);
    expect(ids({ ...EMPTY_UI_STATE, hidden: ['epoch'], folded: [HIDDEN_OPEN] }, 99)).toEqual(['train/loss', 'train/lr', 'val/acc', '__swanlab__.cpu', 'epoch']);
  });

  it('has no sections without keys', () => {
    expect(buildSections([], EMPTY_UI_STATE)).toEqual([]);
  });

  it('draws system keys sharing a chart name in one chart, at the place of its first key', () => {
    // as in the 0.7.20 fixtures: disk.read/write and network.sent/recv share a chart name,
    // mem.pct has none, cpu.pct's name is its own
    const keys = [
      sys('__swanlab__.cpu.pct', 'CPU Utilization (%)'), sys('__swanlab__.mem.pct', null),
      sys('__swanlab__.disk.read', 'Disk I/O Utilization (MB)'), sys('__swanlab__.network.sent', 'Network Traffic (KB)'),
      sys('__swanlab__.disk.write', 'Disk I/O Utilization (MB)'), sys('__swanlab__.network.recv', 'Network Traffic (KB)'),
    ];
    expect(chartModels(keys).map((c) => [c.id, c.group, c.keys.map((k) => k.key)])).toEqual([
      ['__swanlab__.cpu.pct', null, ['__swanlab__.cpu.pct']],
      ['__swanlab__.mem.pct', null, ['__swanlab__.mem.pct']],
      ['Disk I/O Utilization (MB)', 'Disk I/O Utilization (MB)', ['__swanlab__.disk.read', '__swanlab__.disk.write']],
      ['Network Traffic (KB)', 'Network Traffic (KB)', ['__swanlab__.network.sent', '__swanlab__.network.recv']],
    ]);
  });

  it('groups over runs (a key another run adds joins the chart) and never groups user keys', () => {
    const groupRuns = [
      run('a', [key('gpu', 'line', false, 'Same'), sys('__swanlab__.gpu.0.pct', 'GPU Utilization (%)')]),
      run('b', [key('other', 'line', false, 'Same'), sys('__swanlab__.gpu.1.pct', 'GPU Utilization (%)')]),
    ];
    expect(summary(buildSections(groupRuns, EMPTY_UI_STATE))).toEqual([
      'default:namespace[gpu,other|]',
      'system:system[GPU Utilization (%)|]',
    ]);
  });

  it('pins and hides a group by its chart name', () => {
    const groupRuns = [run('a', [key('train/loss'), sys('__swanlab__.disk.read', 'Disk'), sys('__swanlab__.disk.write', 'Disk')])];
    expect(summary(buildSections(groupRuns, { ...EMPTY_UI_STATE, pinned: ['Disk'] }))).toEqual([
      'pinned:pinned[Disk|]',
      'train:namespace[train/loss|]',
    ]);
    expect(summary(buildSections(groupRuns, { ...EMPTY_UI_STATE, hidden: ['Disk', '__swanlab__.disk.read'] }))).toEqual([
      'train:namespace[train/loss|]',
      'hidden:hidden[Disk|]',
    ]);
  });

  it('keeps system keys apart from a user namespace called "system"', () => {
    const r = [run('a', [key('system/temp'), sys('__swanlab__.cpu.pct', null)])];
    expect(summary(buildSections(r, EMPTY_UI_STATE))).toEqual([
      'system:namespace[system/temp|]',
      'system:system[__swanlab__.cpu.pct|]',
    ]);
  });
});
