import { describe, expect, it } from 'vitest';
import { consoleLineFrom } from './mapConsole';
import { mediaPointsFrom } from './mapMedia';

describe('mediaPointsFrom', () => {
  it('keeps paths, captions and the raw more list, sorted by step, skipping null entries', () => {
    const points = mediaPointsFrom([
      { index: 5, data: ['m/b.png'], more: [{ caption: 'five' }] },
      null,
      { index: 0, data: ['m/a.png', 'm/c.png'], more: null },
    ]);
    expect(points).toEqual([
      { step: 0, timestamp: NaN, items: [{ file: 'm/a.png', text: null, caption: null }, { file: 'm/c.png', text: null, caption: null }], more: null },
      { step: 5, timestamp: NaN, items: [{ file: 'm/b.png', text: null, caption: 'five' }], more: [{ caption: 'five' }] },
    ]);
  });
});

describe('consoleLineFrom', () => {
  it('maps levels', () => {
    expect(consoleLineFrom({ level: 'ERROR', message: 'boom' })).toEqual({ text: 'boom', stream: 'unknown', level: 'error' });
    expect(consoleLineFrom({ level: 'WARN', message: 'w' }).level).toBe('warn');
    expect(consoleLineFrom({ level: 'DEBUG', message: 'd' }).level).toBe('info');
    expect(consoleLineFrom({ message: null }).text).toBe('');
  });
});
