import type { Stats } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FolderGate } from './folderGate';

const stats = (mtimeMs: number) => ({ mtimeMs }) as Stats;

describe('FolderGate', () => {
  it('sweeps first and after a failed stat, lists when the folder mtime changed, else only the last file', () => {
    const g = new FolderGate();
    const old = Date.now() - 60_000;
    expect(g.check(stats(old))).toEqual({ kind: 'sweep' });
    g.listed(stats(old), true);
    expect(g.check(stats(old))).toEqual({ kind: 'last' });
    expect(g.check(stats(old + 1))).toEqual({ kind: 'list', changed: true });
    expect(g.check(null)).toEqual({ kind: 'sweep' });
  });

  it('does not trust a recent whole-second folder mtime (coarse mtimes), trusts a sub-second one', () => {
    const g = new FolderGate();
    const recentSecond = Math.floor(Date.now() / 1000) * 1000 - 1000;
    g.listed(stats(recentSecond), true);
    expect(g.check(stats(recentSecond))).toEqual({ kind: 'list', changed: false });
    const fine = new FolderGate();
    fine.listed(stats(recentSecond + 0.5), true);
    expect(fine.check(stats(recentSecond + 0.5))).toEqual({ kind: 'last' });
  });

  it('sweeps every 30 refreshes, listings without a sweep do not reset that', () => {
    const g = new FolderGate();
    const old = Date.now() - 60_000;
    g.listed(stats(old), true);
    const kinds: string[] = [];
    for (let i = 0; i < 30; i++) {
      const c = g.check(stats(old));
      kinds.push(c.kind);
      if (c.kind !== 'last') g.listed(stats(old), c.kind === 'sweep');
    }
    expect(kinds.filter((k) => k === 'sweep')).toHaveLength(1);
    expect(kinds[29]).toBe('sweep');
  });
});
