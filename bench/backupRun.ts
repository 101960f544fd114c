/**
 * A generation-B run folder (`backup.swanlab`, SDK 0.6.8–0.7.x offline mode) for the parse
 * benchmark. Our writer only writes A and C, so this writes the JSON records in the shape of the
 * 0.7.20 fixtures (format doc §6): Header, Project, Experiment, Column per key, Scalar per point.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FrameWriter, fdSink } from '../electron/swanlog/records/framing';
import { pyFloatRepr } from '../electron/swanlog/writer/pyJson';
import { isoUtc } from '../electron/swanlog/writer/pyTime';
import { Rng, runId } from '../electron/swanlog/writer/rng';

const START = Date.UTC(2025, 5, 2, 8, 0, 0) * 1000; // µs
const STEP_US = 8137;

export interface BackupRunSpec {
  index: number;
  keys: number;
  points: number;
}

export function writeBackupRun(root: string, spec: BackupRunSpec): { dir: string; keys: string[]; points: number } {
  const rng = new Rng(1000 + spec.index);
  const id = runId(rng, 21);
  const start = START + spec.index * 3_600_000_000;
  const stamp = new Date(start / 1000).toISOString().replace(/[-:]/g, '').replace('T', '_').slice(0, 15);
  const dir = path.join(root, `run-${stamp}-${id}`);
  fs.mkdirSync(dir, { recursive: true });
  const fd = fs.openSync(path.join(dir, 'backup.swanlab'), 'w');
  const sink = fdSink(fd, 4 << 20);
  const w = new FrameWriter(sink, { version: 1 });
  const put = (modelType: string, data: unknown) => w.writeRecord(Buffer.from(`${JSON.stringify({ model_type: modelType, data }).replace(/":/g, '": ').replace(/,"/g, ', "')}\n`));

  put('Header', { backup_type: 'DEFAULT', create_time: isoUtc(start) });
  put('Project', { name: 'bench', workspace: null, public: null });
  put('Experiment', { id, name: `backup-run${spec.index}`, colors: ['#528d59', '#528d59'], description: 'generated', tags: [] });
  const keys = Array.from({ length: spec.keys }, (_, k) => (k === 0 ? 'train/loss' : `extra/metric_${k}`));
  keys.forEach((key, kid) => put('Column', { key, kid: String(kid), name: null, cls: 'CUSTOM', column_type: 'FLOAT', chart_reference: 'STEP', section_name: key.split('/')[0], section_type: 'PUBLIC', section_sort: null, error: null, y_range: null, chart_name: null, chart_index: null, metric_name: null, metric_color: null }));
  const head = Buffer.from(`{"model_type": "Scalar", "data": {"metric": {"index": `);
  let t = start;
  for (let step = 0; step < spec.points; step++) {
    t += STEP_US + Math.floor(rng.next() * 500);
    const time = isoUtc(t);
    for (let k = 0; k < keys.length; k++) {
      const value = pyFloatRepr(2.3 * Math.exp(-step / spec.points * 3) + rng.next() * 0.1);
      const tail = `${step}, "data": ${value}, "create_time": "${time}"}, "key": "${keys[k]}", "step": ${step}, "epoch": ${step + 1}}}\n`;
      w.writeRecord(Buffer.concat([head, Buffer.from(tail)]));
    }
  }
  put('Footer', { create_time: isoUtc(t + 250_000), success: true });
  sink.flush();
  fs.closeSync(fd);
  return { dir, keys, points: spec.points };
}
