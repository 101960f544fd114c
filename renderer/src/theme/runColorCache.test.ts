import { describe, expect, it } from 'vitest';
import type { RunView } from '../../../shared/contract';
import { cachedRunColors } from './runColorCache';
import { assignRunColors } from './runColors';

const run = (id: string, light: string | null) => ({ info: { id, colors: { light, dark: null } } }) as RunView;

describe('cachedRunColors', () => {
  it('answers the same assignment to every caller of one runs list and theme', () => {
    const runs = [run('a', '#698ef8'), run('b', '#698ef8'), run('c', null)];
    const first = cachedRunColors(runs, 'light');
    expect(cachedRunColors(runs, 'light')).toBe(first);
    expect([...first]).toEqual([...assignRunColors(runs.map((r) => r.info), 'light')]);
  });

  it('assigns again for another theme or another runs list', () => {
    const runs = [run('a', '#698ef8')];
    const light = cachedRunColors(runs, 'light');
    expect(cachedRunColors(runs, 'dark')).not.toBe(light);
    const grown = [...runs, run('b', '#f268c7')];
    expect(cachedRunColors(grown, 'light')).not.toBe(light);
    expect(cachedRunColors(grown, 'light').get('b')).toBe('#f268c7');
    expect(cachedRunColors(runs, 'light')).toBe(light);
  });
});
