import { getPriority } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { compiledWorkerScript } from './folderReadWorker.testkit';
import { READER_NICE } from './threadPriority';

describe.runIf(process.platform === 'linux')('lowerOwnPriority', () => {
  it('nices the calling worker thread only, not the process', async () => {
    const mine = getPriority(process.pid);
    const module = path.join(path.dirname(compiledWorkerScript()), 'threadPriority.js');
    const worker = new Worker(
      `const { parentPort } = require('node:worker_threads');
       const { lowerOwnPriority, ownThreadId } = require(${JSON.stringify(module)});
       const nice = lowerOwnPriority();
       parentPort.postMessage({ tid: ownThreadId(), nice });
       parentPort.once('message', () => process.exit(0));`,
      { eval: true },
    );
    try {
      const { tid, nice } = await new Promise<{ tid: number; nice: number }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      expect(tid).not.toBe(process.pid);
      expect(nice).toBe(Math.max(mine, READER_NICE));
      expect(getPriority(tid)).toBe(nice);
      expect(getPriority(process.pid)).toBe(mine);
    } finally {
      worker.postMessage('exit');
      await new Promise((r) => worker.once('exit', r));
    }
  });
});
