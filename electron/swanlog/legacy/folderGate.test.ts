import type { Stats } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FolderGate } from './folderGate';

const stats = (mtimeMs: number) => ({ mtimeMs }) as Stats;

describe('FolderGate', () => {
  it('lists first, after a failed stat, and whenever the folder mtime changes', () => {
    const g = new FolderGate();
    const old = Date.now() - 60_000;
    expect(g.mustList(stats(old))).toBe(true);
    g.listed(stats(old));
    expect(g.mustList(stats(old))).toBe(false);
    expect(g.mustList(stats(old + 1))).toBe(true);
    expect(g.mustList(null)).toBe(true);
  });

  it('does not trust a listing taken while the folder had just changed (coarse mtimes)', () => {
    const g = new FolderGate();
    const recent = Date.now() - 500;
    g.listed(stats(recent));
    expect(g.mustList(stats(recent))).toBe(true);
  });

  it('lists a quiet folder again every 30 refreshes', () => {
    const g = new FolderGate();
    const old = Date.now() - 60_000;
    g.listed(stats(old));
    const answers = Array.from({ length: 30 }, () => g.mustList(stats(old)));
    expect(answers.filter(Boolean)).toHaveLength(1);
    expect(answers[29]).toBe(true);
  });
});
