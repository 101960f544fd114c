import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../shared/contract';
import { NotASwanlogError } from '../swanlog/discover';
import { FIXTURES_DIR } from '../testkit/fixtures';
import { CurrentSource } from './currentSource';

const change = { newRuns: ['run-x'], runs: [] };

describe('CurrentSource', () => {
  const current = new CurrentSource(60_000);
  afterEach(() => current.close());

  it('opens a folder and replaces it with the next one, keeping change listeners', async () => {
    const seen: ChangeEvent[] = [];
    current.onChange((e) => seen.push(e));
    const first = await current.open(path.join(FIXTURES_DIR, 'swanlog-0.9.7'));
    expect(current.get()).toBe(first);
    expect(first.view().canOpenFolders).toBe(true);
    first.ws.emit('change', change);
    const second = await current.open(path.join(FIXTURES_DIR, 'swanlog-0.5.9'));
    expect(current.get()).toBe(second);
    first.ws.emit('change', { newRuns: ['stale'], runs: [] }); // the old folder no longer reaches the window
    second.ws.emit('change', change);
    // each event names the folder it came from
    expect(seen).toEqual([{ source: first.id, ...change }, { source: second.id, ...change }]);
    expect(first.id).not.toBe(second.id);
  });

  it('keeps the open folder when the next one is not a swanlog', async () => {
    const first = await current.open(path.join(FIXTURES_DIR, 'swanlog-0.9.7'));
    await expect(current.open(path.join(FIXTURES_DIR, 'manifests'))).rejects.toBeInstanceOf(NotASwanlogError);
    expect(current.get()).toBe(first);
  });

  it('stops delivering to a listener after it unsubscribes', async () => {
    const seen: ChangeEvent[] = [];
    const off = current.onChange((e) => seen.push(e));
    const src = await current.open(path.join(FIXTURES_DIR, 'swanlog-0.9.7'));
    off();
    src.ws.emit('change', change);
    expect(seen).toEqual([]);
  });
});
