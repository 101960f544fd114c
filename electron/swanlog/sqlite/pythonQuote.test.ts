import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { hasPython } from '../../testkit/fixtures';
import { pythonQuote } from './pythonQuote';

// Expected values printed by Python 3.11 urllib.parse.quote(s, safe='').
const KNOWN: [string, string][] = [
  ['train/loss', 'train%2Floss'],
  ["a b!'()*~._-", 'a%20b%21%27%28%29%2A~._-'],
  ['训练/损失', '%E8%AE%AD%E7%BB%83%2F%E6%8D%9F%E5%A4%B1'],
  ['100%', '100%25'],
  ['é', '%C3%A9'],
  ['emoji 😀', 'emoji%20%F0%9F%98%80'],
  ['?#&=+,;:@$[]', '%3F%23%26%3D%2B%2C%3B%3A%40%24%5B%5D'],
  ['', ''],
];

describe('pythonQuote', () => {
  it.each(KNOWN)('quotes %j like Python', (input, expected) => {
    expect(pythonQuote(input)).toBe(expected);
  });

  it('differs from encodeURIComponent exactly on !\'()*', () => {
    for (const char of "!'()*") expect(pythonQuote(char)).not.toBe(encodeURIComponent(char));
    expect(pythonQuote('a/b c~')).toBe(encodeURIComponent('a/b c~'));
  });

  it('does not throw on a lone surrogate', () => {
    expect(pythonQuote('x\ud800')).toBe('x%EF%BF%BD');
  });

  it.skipIf(!hasPython())('matches Python on every printable ASCII character and some Unicode', () => {
    const inputs = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), 'Ünïcödé/键', '\t\n'];
    const script = 'import json,sys; from urllib.parse import quote; print(json.dumps([quote(s, safe="") for s in json.loads(sys.argv[1])]))';
    const expected = JSON.parse(execFileSync('python3', ['-c', script, JSON.stringify(inputs)], { encoding: 'utf8' }));
    expect(inputs.map(pythonQuote)).toEqual(expected);
  });
});
