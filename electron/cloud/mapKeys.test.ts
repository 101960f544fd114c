import { describe, expect, it } from 'vitest';
import { columnType, keyInfo, mediaTypeOfPath } from './mapKeys';

describe('key mapping', () => {
  it('puts the part before the first / in the section, system keys in system', () => {
    expect(keyInfo('train/loss/x', 'line')).toEqual({ key: 'train/loss/x', section: 'train', type: 'line', system: false, displayName: null, chartName: null });
    expect(keyInfo('loss', 'line').section).toBe('default');
    expect(keyInfo('__swanlab__.mem.proc', 'line')).toMatchObject({ section: 'system', system: true });
  });

  it('maps legacy column types and guesses media types from paths', () => {
    expect(columnType('FLOAT')).toBe('line');
    expect(columnType('IMAGE')).toBe('image');
    expect(columnType('TABLE')).toBe('echarts');
    expect(columnType('STRING')).toBeNull();
    expect(mediaTypeOfPath('media/samples/abc.PNG')).toBe('image');
    expect(mediaTypeOfPath('a/b.wav')).toBe('audio');
    expect(mediaTypeOfPath('a/b.txt')).toBe('text');
    expect(mediaTypeOfPath('a/b.unknown')).toBe('image');
  });
});
