import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MetricKeyInfo } from '../../shared/domain';
import { chartModels } from '../../shared/chartSections';
import { LocalWorkspace } from '../swanlog/workspace';
import { FIXTURES_DIR, writableCopy } from '../testkit/fixtures';
import { keyInfo } from './mapKeys';
import { systemKeyNames } from './systemKeys';

const cleanup: (() => void)[] = [];
afterAll(() => cleanup.forEach((c) => c()));

/** The system keys the local reader found in a fixture set, named by its record files. */
async function localSystemKeys(set: string): Promise<MetricKeyInfo[]> {
  const dir = writableCopy(path.join(FIXTURES_DIR, set), 'system-keys');
  const ws = await LocalWorkspace.open(dir);
  cleanup.push(() => {
    ws.close();
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });
  const seen = new Map<string, MetricKeyInfo>();
  for (const run of ws.runs) for (const k of run.keys()) if (k.system && !seen.has(k.key)) seen.set(k.key, k);
  return [...seen.values()];
}

describe('system key names', () => {
  it('names the cloud keys of the 0.9.7 fixtures exactly as their record files do', async () => {
    for (const set of ['swanlog-0.9.7', 'swanlog-0.9.7-offline']) {
      const local = await localSystemKeys(set);
      expect(local.map((k) => k.key).sort()).toEqual([
        '__swanlab__.cpu.pct', '__swanlab__.cpu.thds', '__swanlab__.mem.pct', '__swanlab__.mem.proc', '__swanlab__.mem.proc.avail', '__swanlab__.mem.proc.pct',
      ]);
      for (const k of local) expect(keyInfo(k.key, 'line')).toEqual(k);
    }
  });

  it('names the cloud keys of the 0.7.20 fixtures as their Column records do (mem.pct: 0.9.7\'s chart name)', async () => {
    const local = await localSystemKeys('swanlog-0.7.20');
    expect(local).toHaveLength(11);
    for (const k of local) {
      const cloud = keyInfo(k.key, 'line');
      if (k.key === '__swanlab__.mem.pct') {
        expect(k.chartName).toBeNull();
        expect(cloud).toEqual({ ...k, chartName: 'System Memory Utilization (%)' });
      } else expect(cloud).toEqual(k);
    }
    // and the renderer draws them the same: disk read/write and network sent/received in one chart each
    const charts = (keys: MetricKeyInfo[]) => chartModels(keys).map((c) => [c.id, c.keys.map((k) => k.key)]);
    expect(charts(local.map((k) => keyInfo(k.key, 'line')))).toEqual(charts(local));
    expect(charts(local.map((k) => keyInfo(k.key, 'line'))).filter(([, keys]) => keys.length > 1)).toEqual([
      ['Disk I/O Utilization (MB)', ['__swanlab__.disk.read', '__swanlab__.disk.write']],
      ['Network Traffic (KB)', ['__swanlab__.network.sent', '__swanlab__.network.recv']],
    ]);
  });

  it('names accelerator keys per device, one chart for all devices', () => {
    expect(systemKeyNames('__swanlab__.gpu.0.pct')).toEqual({ displayName: 'GPU 0 Utilization (%)', chartName: 'GPU Utilization (%)' });
    expect(systemKeyNames('__swanlab__.gpu.11.mem.value')).toEqual({ displayName: 'GPU 11 Memory Allocated (MB)', chartName: 'GPU Memory Allocated (MB)' });
    expect(systemKeyNames('__swanlab__.gpu.1.mem.time')?.chartName).toBe('GPU Time Spent Accessing Memory (%)');
    expect(systemKeyNames('__swanlab__.gpu.1.power')?.chartName).toBe('GPU Power Usage (W)');
    expect(systemKeyNames('__swanlab__.npu.0-1.temp')).toEqual({ displayName: 'NPU 0-1 Temperature (°C)', chartName: 'NPU Temperature (°C)' });
    // 0.7 spelled it ptc, 0.9 pct: one chart
    expect(systemKeyNames('__swanlab__.mlu.2.ptc')).toEqual({ displayName: 'MLU 2 Utilization (%)', chartName: 'MLU Utilization (%)' });
    expect(systemKeyNames('__swanlab__.mlu.3.pct')?.chartName).toBe('MLU Utilization (%)');
    expect(systemKeyNames('__swanlab__.xpu.0.mem.ptc')?.chartName).toBe('XPU Memory Allocated (%)');
    expect(systemKeyNames('__swanlab__.dcu.0.power')?.chartName).toBe('DCU Power (W)');
    expect(systemKeyNames('__swanlab__.cpu.3.pct')).toEqual({ displayName: 'CPU 3 Utilization (%)', chartName: 'CPU Utilization (per core) (%)' });
    const gpus = ['0', '1'].map((i) => keyInfo(`__swanlab__.gpu.${i}.temp`, 'line'));
    expect(chartModels(gpus)).toEqual([{ id: 'GPU Temperature (°C)', keys: gpus, group: 'GPU Temperature (°C)' }]);
  });

  it('leaves unknown and non-system keys raw', () => {
    for (const key of ['__swanlab__.gpu.0.fan', '__swanlab__.tpu.0.pct', '__swanlab__.cpu', '__swanlab__.toString', '__swanlab__.gpu.x.pct', 'cpu.pct', 'train/loss', '__swanlab__.mem.pct.extra']) {
      expect(systemKeyNames(key)).toBeNull();
    }
    expect(keyInfo('__swanlab__.gpu.0.fan', 'line')).toMatchObject({ section: 'system', system: true, displayName: null, chartName: null });
    expect(keyInfo('train/loss', 'line')).toMatchObject({ displayName: null, chartName: null });
  });
});
