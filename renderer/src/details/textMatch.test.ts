import { describe, expect, it } from 'vitest';
import { matchingIndices, splitMatches, stepMatch } from './textMatch';

describe('splitMatches', () => {
  it('splits every case-insensitive occurrence and keeps the original case', () => {
    expect(splitMatches('Loss went up, LOSS is bad', 'loss')).toEqual([
      { text: 'Loss', match: true },
      { text: ' went up, ', match: false },
      { text: 'LOSS', match: true },
      { text: ' is bad', match: false },
    ]);
  });

  it('returns the whole text when the term is empty or absent', () => {
    expect(splitMatches('abc', '')).toEqual([{ text: 'abc', match: false }]);
    expect(splitMatches('abc', 'x')).toEqual([{ text: 'abc', match: false }]);
    expect(splitMatches('', 'x')).toEqual([{ text: '', match: false }]);
  });

  it('does not overlap matches', () => {
    expect(splitMatches('aaaa', 'aa').map((p) => p.text)).toEqual(['aa', 'aa']);
  });

  it('treats regex characters literally', () => {
    expect(splitMatches('a.b*c', '.b*').filter((p) => p.match).map((p) => p.text)).toEqual(['.b*']);
  });
});

describe('matchingIndices', () => {
  const lines = ['epoch 0 step 0', 'WARNING: slow', 'epoch 1 step 100', 'Traceback', 'warning again'];

  it('counts lines, not occurrences', () => {
    expect(matchingIndices(['step step', 'step'], 'step')).toEqual([0, 1]);
  });

  it('is case-insensitive', () => {
    expect(matchingIndices(lines, 'warning')).toEqual([1, 4]);
    expect(matchingIndices(lines, 'EPOCH')).toEqual([0, 2]);
  });

  it('finds nothing for an empty term', () => {
    expect(matchingIndices(lines, '')).toEqual([]);
  });

  it('finds every match in 100k lines, in order', () => {
    const big = Array.from({ length: 100_000 }, (_, i) => `line ${i} LOSS=${(i % 97) / 10}`);
    const hits = matchingIndices(big, 'loss=9.6');
    expect(hits).toEqual(big.flatMap((l, i) => (l.includes('LOSS=9.6') ? [i] : [])));
    expect(hits.length).toBe(1030); // i % 97 === 96
  });
});

describe('stepMatch', () => {
  it('wraps forwards and backwards', () => {
    expect(stepMatch(2, 3, 1)).toBe(0);
    expect(stepMatch(0, 3, -1)).toBe(2);
    expect(stepMatch(1, 3, 1)).toBe(2);
  });

  it('starts at the first or last match when nothing is current', () => {
    expect(stepMatch(-1, 3, 1)).toBe(0);
    expect(stepMatch(-1, 3, -1)).toBe(2);
  });

  it('is -1 without matches', () => {
    expect(stepMatch(0, 0, 1)).toBe(-1);
  });
});
