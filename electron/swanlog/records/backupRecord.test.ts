import { describe, expect, it } from 'vitest';
import { applyBackupRecord, decodeBackupRecord } from './backupRecord';
import type { RecordSink } from './recordSink';

function apply(model_type: string, data: Record<string, unknown>): unknown[][] {
  const calls: unknown[][] = [];
  const sink = new Proxy({} as RecordSink, { get: (_t, name) => (...args: unknown[]) => calls.push([name, ...args]) });
  applyBackupRecord(decodeBackupRecord(Buffer.from(JSON.stringify({ model_type, data }) + '\n')), sink);
  return calls;
}

const TIME = '2026-11-24T05:03:20.260671+00:00';

describe('generation B records', () => {
  it('reads header, project and experiment (v1 and v0)', () => {
    expect(apply('Header', { backup_type: 'DEFAULT', create_time: TIME })).toEqual([['run', { startedAt: TIME }]]);
    expect(apply('Project', { name: 'p', workspace: null, public: null })).toEqual([['project', 'p', null]]);
    expect(apply('Experiment', { id: 'x', name: 'n', colors: ['#1', '#2'], description: 'd', tags: ['t'] })).toEqual([
      ['run', { id: 'x', name: 'n', description: 'd', colors: ['#1', '#2'], tags: ['t'] }],
    ]);
    // header v0: no id/colors, nullable fields
    expect(apply('Experiment', { name: 'n', description: null, tags: null })).toEqual([['run', { name: 'n', description: null, tags: [] }]]);
  });

  it('maps log levels, one multi-line ERROR into several error lines', () => {
    expect(apply('Log', { message: 'out', level: 'INFO', epoch: 1 })).toEqual([['log', { text: 'out', stream: 'stdout', level: 'info' }]]);
    expect(apply('Log', { message: 'err', level: 'WARN', epoch: 2 })).toEqual([['log', { text: 'err', stream: 'stderr', level: 'warn' }]]);
    expect(apply('Log', { message: '  File "x"\nboom', level: 'ERROR', epoch: 3 })).toEqual([
      ['log', { text: '  File "x"', stream: 'stderr', level: 'error' }],
      ['log', { text: 'boom', stream: 'stderr', level: 'error' }],
    ]);
  });

  it('reads runtime file names and the footer', () => {
    expect(apply('Runtime', { conda_filename: 'conda.yaml', requirements_filename: null, metadata_filename: null, config_filename: 'config.yaml' })).toEqual([
      ['file', 'config', 'config.yaml'],
      ['file', 'conda', 'conda.yaml'],
    ]);
    expect(apply('Footer', { success: true, create_time: TIME })).toEqual([['finish', { state: 'finished', finishedAt: TIME, error: null }]]);
    expect(apply('Footer', { success: false, create_time: TIME })).toEqual([['finish', { state: 'crashed', finishedAt: TIME, error: null }]]);
  });

  it('reads scalars: numbers, legacy "NaN"/"INF" strings; skips values it cannot use', () => {
    const point = (data: unknown) => apply('Scalar', { metric: { index: 4, data, create_time: TIME }, key: 'k', step: 4, epoch: 5 });
    const ms = Date.UTC(2026, 10, 24, 5, 3, 20) + 260.671;
    expect(point(1.5)).toEqual([['scalar', 'k', 4, 1.5, ms, false]]);
    expect(point('NaN')).toEqual([['scalar', 'k', 4, NaN, ms, true]]);
    expect(point('INF')).toEqual([['scalar', 'k', 4, Infinity, ms, true]]);
    expect(point(null)).toEqual([]);
    expect(point('abc')).toEqual([]);
  });

  it('reads media: files under media/<kid>/, inline text, captions', () => {
    expect(
      apply('Media', {
        metric: { index: 500, data: ['a.png', 'b.png'], create_time: TIME, more: [{ caption: 'c0' }, null] },
        key: 'samples/pred', kid: 17, key_encoded: 'samples%2Fpred', step: 500, epoch: 1, buffers_name: ['a.png', 'b.png'],
      }),
    ).toEqual([
      ['media', 'samples/pred', null, {
        step: 500,
        timestamp: Date.UTC(2026, 10, 24, 5, 3, 20) + 260.671,
        items: [{ file: 'media/17/a.png', text: null, caption: 'c0' }, { file: 'media/17/b.png', text: null, caption: null }],
        more: [{ caption: 'c0' }, null],
      }],
    ]);
    const [[, , , text]] = apply('Media', { metric: { index: 1, data: ['hello'], create_time: TIME, more: [null] }, key: 't', kid: 18, step: 1, buffers_name: null });
    expect(text).toMatchObject({ items: [{ file: null, text: 'hello', caption: null }], more: [null] });
  });

  it('reads columns', () => {
    const [[, column]] = apply('Column', {
      key: 'epoch', kid: '5', name: null, cls: 'CUSTOM', column_type: 'FLOAT', chart_reference: 'STEP', section_name: null,
      section_type: 'PUBLIC', section_sort: null, error: { data_class: 'str', excepted: 'float' }, y_range: null,
      chart_name: null, chart_index: null, metric_name: null, metric_color: null,
    });
    expect(column).toEqual({
      key: 'epoch', kid: '5', type: 'line', system: false, sectionName: null, sectionType: 'PUBLIC', displayName: null,
      chartName: null, chartIndex: null, yRange: null, error: { data_class: 'str', excepted: 'float' },
    });
  });

  it('ignores unknown model types and rejects non-records', () => {
    expect(apply('Future', { x: 1 })).toEqual([]);
    expect(() => decodeBackupRecord(Buffer.from('[1,2]'))).toThrow();
    expect(() => decodeBackupRecord(Buffer.from('{"model_type": "Scalar"'))).toThrow();
  });
});
