import { describe, expect, it } from 'vitest';
import type { RunView } from '../../../shared/contract';
import type { MetricKeyInfo, MetricType } from '../../../shared/domain';
import { EMPTY_UI_STATE } from '../store/uiStateOps';
import { buildSections, foldEntry, HIDDEN_OPEN, isFolded, workspaceKeys } from './sections';

function key(k: string, type: MetricType = 'line', system = false): MetricKeyInfo {
  const section = system ? 'system' : k.includes('/') ? k.slice(0, k.indexOf('/')) : 'default';
  return { key: k, section, type, system, displayName: null, chartName: null };
}

function run(id: string, keys: MetricKeyInfo[]): RunView {
  return { info: { id } as RunView['info'], keys };
}

const runs = [
  run('a', [key('train/loss'), key('train/lr'), key('epoch'), key('samples/pred', 'image'), key('__swanlab__.cpu', 'line', true)]),
  run('b', [key('train/loss'), key('val/acc'), key('samples/text', 'text'), key('val/pred', 'image')]),
];

const summary = (s: ReturnType<typeof buildSections>) =>
  s.map((x) => `${x.id}:${x.kind}[${x.charts.map((k) => k.key).join(',')}|${x.media.map((k) => k.key).join(',')}]`);

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

  it('has no sections without keys', () => {
    expect(buildSections([], EMPTY_UI_STATE)).toEqual([]);
  });
});

