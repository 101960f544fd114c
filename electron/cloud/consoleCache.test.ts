import { describe, expect, it } from 'vitest';
import type { ConsoleLine } from '../../shared/domain';
import { ConsoleCache } from './consoleCache';
import { LOG_SHARD, type LogShards } from './logsApi';

const line = (i: number): ConsoleLine => ({ text: `line ${i}`, stream: 'unknown', level: 'info' });

/** A server log of `n` lines answering shards like the house; records the shards asked. */
function server(n: number) {
  const log = Array.from({ length: n }, (_, i) => line(i));
  const asked: number[] = [];
  let gate: Promise<void> | null = null;
  const fetchFrom = async (fromShard: number): Promise<LogShards> => {
    asked.push(fromShard);
    if (gate) await gate;
    return { fromShard, lines: log.slice(fromShard * LOG_SHARD), count: log.length };
  };
  return { log, asked, fetchFrom, hold: (p: Promise<void> | null) => (gate = p) };
}

describe('ConsoleCache', () => {
  it('downloads an ended run once', async () => {
    const s = server(2500);
    const c = new ConsoleCache({ fetchFrom: s.fetchFrom });
    expect(await c.update(true)).toBe(2500);
    expect(await c.update(true)).toBe(0);
    expect(await c.update(false)).toBe(0);
    expect(s.asked).toEqual([0]);
    expect(c.lines.map((l) => l.text)).toEqual(s.log.map((l) => l.text));
    expect(c.complete).toBe(true);
  });

  it('asks a running run again from the shard its last line is in', async () => {
    const s = server(1500);
    const c = new ConsoleCache({ fetchFrom: s.fetchFrom });
    expect(c.loaded).toBe(false);
    expect(await c.update(false)).toBe(1500);
    for (let i = 1500; i < 2200; i++) s.log.push(line(i));
    expect(await c.update(false)).toBe(700);
    expect(await c.update(false)).toBe(0);
    s.log.push(line(2200));
    expect(await c.update(true)).toBe(1);
    expect(await c.update(true)).toBe(0);
    expect(s.asked).toEqual([0, 1, 2, 2]);
    expect(c.lines.map((l) => l.text)).toEqual(s.log.map((l) => l.text));
  });

  it('starts with the next shard when the last one held is full', async () => {
    const s = server(LOG_SHARD);
    const c = new ConsoleCache({ fetchFrom: s.fetchFrom });
    await c.update(false);
    s.log.push(line(LOG_SHARD));
    expect(await c.update(false)).toBe(1);
    expect(s.asked).toEqual([0, 1]);
    expect(c.lines).toHaveLength(LOG_SHARD + 1);
  });

  it('answers a running run from the cache while fresh, unless forced', async () => {
    let t = 0;
    const s = server(10);
    const c = new ConsoleCache({ fetchFrom: s.fetchFrom, freshMs: 2000, now: () => t });
    await c.update(false);
    s.log.push(line(10));
    t = 1999;
    expect(await c.update(false)).toBe(0);
    t = 2000;
    expect(await c.update(false)).toBe(1);
    s.log.push(line(11));
    expect(await c.update(false, { force: true })).toBe(1);
    expect(s.asked).toEqual([0, 0, 0]);
  });

  it('shares one download between concurrent callers; an ended caller waits for a download of the ended log', async () => {
    const s = server(5);
    const c = new ConsoleCache({ fetchFrom: s.fetchFrom });
    let open!: () => void;
    s.hold(new Promise<void>((r) => (open = r)));
    const a = c.update(false);
    const b = c.update(false);
    const ended = c.update(true);
    open();
    s.hold(null);
    expect(await Promise.all([a, b, ended])).toEqual([5, 0, 0]);
    expect(s.asked).toEqual([0, 0]);
    expect(c.complete).toBe(true);
  });

  it('keeps what it had when a download fails, and tries again', async () => {
    const s = server(3);
    let fail = false;
    const c = new ConsoleCache({ fetchFrom: (n) => (fail ? Promise.reject(new Error('offline')) : s.fetchFrom(n)) });
    await c.update(false);
    fail = true;
    await expect(c.update(true)).rejects.toThrow('offline');
    expect(c.lines).toHaveLength(3);
    expect(c.complete).toBe(false);
    fail = false;
    s.log.push(line(3));
    expect(await c.update(true)).toBe(1);
  });
});
