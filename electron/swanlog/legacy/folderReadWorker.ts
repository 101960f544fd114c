/**
 * Worker thread of FolderReadPool: reads a metric folder once with the same MetricFolderReader
 * as the main thread, and hands its whole state back (the store's buffers transferred).
 */
import { parentPort } from 'node:worker_threads';
import type { MetricType } from '../../../shared/domain';
import { snapshotTransfers } from './folderSnapshot';
import { MetricFolderReader } from './metricFolder';
import { lowerOwnPriority } from './threadPriority';

export interface FolderReadRequest {
  dir: string;
  type: MetricType;
}

lowerOwnPriority();

parentPort!.on('message', async (req: FolderReadRequest) => {
  try {
    const reader = new MetricFolderReader(req.dir, req.type);
    const snapshot = reader.snapshot(await reader.refresh());
    parentPort!.postMessage({ snapshot }, snapshotTransfers(snapshot));
  } catch (e) {
    // the main thread reads the folder itself then
    parentPort!.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
});
