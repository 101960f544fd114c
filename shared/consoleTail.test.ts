import { describe, expect, it } from 'vitest';
import { ANCHOR_CHARS, anchorOf, consoleSince, mergeConsole, tailRequest, type ConsoleTail } from './consoleTail';
import type { ConsoleLine } from './domain';

const line = (text: string): ConsoleLine => ({ text, stream: 'unknown', level: 'info' });
const lines = (...texts: string[]) => texts.map(line);
const texts = (t: ConsoleTail | null) => t?.lines.map((l) => l.text);

describe('consoleSince (main side)', () => {
  const all = lines('a', 'b', 'c', 'd');

  it('answers everything without since, and the lines after since with it', () => {
    expect(consoleSince(all, null)).toEqual({ lines: all, from: 0, error: null, total: 4 });
    const r = consoleSince(all, ['boom'], 2, 'b');
    expect(r).toEqual({ lines: lines('c', 'd'), from: 2, error: ['boom'], total: 4 });
    expect(consoleSince(all, null, 4, 'd')).toEqual({ lines: [], from: 4, error: null, total: 4 });
  });

  it('starts over when the console is shorter than since (rewritten, or another run)', () => {
    expect(consoleSince(all, null, 9, 'x')).toMatchObject({ from: 0, lines: all, total: 4 });
  });

  it('starts over when the line before since is not the one the asker holds', () => {
    expect(consoleSince(all, null, 2, 'not b')).toMatchObject({ from: 0, lines: all });
    // without an anchor the count alone decides
    expect(consoleSince(all, null, 2)).toMatchObject({ from: 2, lines: lines('c', 'd') });
  });

  it('compares only the first ANCHOR_CHARS characters', () => {
    const long = 'x'.repeat(ANCHOR_CHARS * 3);
    expect(anchorOf(line(long))).toHaveLength(ANCHOR_CHARS);
    expect(consoleSince(lines(long, 'y'), null, 1, anchorOf(line(long)))).toMatchObject({ from: 1, lines: lines('y') });
  });
});

describe('mergeConsole and tailRequest (renderer side)', () => {
  it('asks for everything first, then from what it holds with the last line as anchor', () => {
    expect(tailRequest(null)).toEqual({});
    const held = mergeConsole(null, consoleSince(lines('a', 'b'), null))!;
    expect(texts(held)).toEqual(['a', 'b']);
    expect(tailRequest(held)).toEqual({ since: 2, anchor: 'b' });
  });

  it('appends an answer that continues what it holds', () => {
    const held = mergeConsole(null, consoleSince(lines('a', 'b'), null))!;
    const all = lines('a', 'b', 'c', 'd');
    const next = mergeConsole(held, consoleSince(all, ['err'], 2, 'b'))!;
    expect(texts(next)).toEqual(['a', 'b', 'c', 'd']);
    expect(next.total).toBe(4);
    expect(next.error).toEqual(['err']);
    expect(held.lines).toHaveLength(2); // the held state is not mutated
  });

  it('keeps the same lines array when nothing is new', () => {
    const held = mergeConsole(null, consoleSince(lines('a', 'b'), null))!;
    const next = mergeConsole(held, consoleSince(lines('a', 'b'), null, 2, 'b'))!;
    expect(next.lines).toBe(held.lines);
  });

  it('replaces everything with an answer from 0 (the console shrank or was rewritten)', () => {
    const held = mergeConsole(null, consoleSince(lines('a', 'b', 'c'), null))!;
    const next = mergeConsole(held, consoleSince(lines('x'), null, 3, 'c'))!;
    expect(texts(next)).toEqual(['x']);
    expect(next.total).toBe(1);
  });

  it('refuses an answer that continues another state (the caller reloads from 0)', () => {
    const held = mergeConsole(null, consoleSince(lines('a', 'b'), null))!;
    expect(mergeConsole(held, consoleSince(lines('a', 'b', 'c', 'd'), null, 3, 'c'))).toBeNull();
    expect(mergeConsole(null, consoleSince(lines('a', 'b', 'c'), null, 2, 'b'))).toBeNull();
  });
});
