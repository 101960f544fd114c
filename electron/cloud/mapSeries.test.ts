import { describe, expect, it } from 'vitest';
import { csvRows } from './csvRows';
import { seriesFromExportCsv, seriesFromPoints } from './mapSeries';

describe('csvRows', () => {
  it('reads quoted fields, CRLF and a missing final newline', () => {
    expect(csvRows('a,"b,""c"""\r\n1,\n"x\ny",2')).toEqual([['a', 'b,"c"'], ['1', ''], ['x\ny', '2']]);
  });
});

describe('seriesFromExportCsv', () => {
  it('reads values by position, keeps NaN/±inf, skips empty cells', () => {
    const csv = [
      'step,"exp-1, a-loss_step",exp-1-loss_timestamp,exp-1-acc_step,exp-1-acc_timestamp',
      '0,0.482057,1751825848103,,',
      '1,NaN,1751825849109,0.5,1751825849110',
      '2,INF,1751825850000,-INF,1751825850001',
      '3,-0.25,,1e-07,1751825851000',
      '',
    ].join('\n');
    const m = seriesFromExportCsv(csv, ['loss', 'acc']);
    const loss = m.get('loss')!;
    expect(Array.from(loss.steps)).toEqual([0, 1, 2, 3]);
    expect(Array.from(loss.values)).toEqual([0.482057, NaN, Infinity, -0.25]);
    expect(Array.from(loss.timestamps)).toEqual([1751825848103, 1751825849109, 1751825850000, NaN]);
    const acc = m.get('acc')!;
    expect(Array.from(acc.steps)).toEqual([1, 2, 3]);
    expect(Array.from(acc.values)).toEqual([0.5, -Infinity, 1e-7]);
    expect(loss.legacyNonFinite).toBe(false);
  });

  it('sorts and dedupes a legacy CSV that is out of order', () => {
    const s = seriesFromExportCsv('step,e-k_step,e-k_timestamp\n2,3,1700000000002\n1,2,1700000000001\n2,4,1700000000003\n', ['k']).get('k')!;
    expect(Array.from(s.steps)).toEqual([1, 2]);
    expect(Array.from(s.values)).toEqual([2, 4]);
  });
});

describe('seriesFromPoints', () => {
  it('accepts both point spellings and normalises timestamps', () => {
    const s = seriesFromPoints([{ index: 0, data: 1, timestamp: 1700000000000 }, { step: 1, value: 'INF', timestamp: 1700000001 }, { index: 2, data: '-INF' }]);
    expect(Array.from(s.steps)).toEqual([0, 1, 2]);
    expect(Array.from(s.values)).toEqual([1, Infinity, -Infinity]);
    expect(Array.from(s.timestamps)).toEqual([1700000000000, 1700000001000, NaN]);
  });
});
