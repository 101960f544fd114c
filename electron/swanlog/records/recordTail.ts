import * as fs from 'node:fs';
import { BLOCK_SIZE } from './frameFormat';
import { RecordContentBuilder, type RecordFinish } from './recordContent';
import { decodeRegion, readHeaderVersion, readRange } from './recordRegion';

/** What the end of a record file says, read without the rest of the file. */
export interface RecordTail {
  /** File header version; null when the file has no valid header (then nothing else is known). */
  version: number | null;
  /** File size when it was scanned. */
  size: number;
  /** The finish record (C) / footer (B) when the file ends with one. */
  finish: RecordFinish | null;
  /** Newest scalar or media timestamp in the tail (ms since epoch), -Infinity when none. */
  lastDataMs: number;
  /** Highest step of each scalar key that has points in the tail. */
  lastSteps: Map<string, number>;
  /** First byte of the region read (a block boundary). */
  from: number;
}

const TAIL_BYTES = 64 * 1024;
const MAX_TAIL_BYTES = 4 * 1024 * 1024;

/**
 * Reads the last blocks of a record file (64 KiB, more when no record begins in them) and
 * decodes the records that begin there. The SDK writes the finish record (C) / footer (B) last
 * and never anything after it (format doc §8), so its presence here is the run's end; a killed
 * run's file has none and often a torn last chunk, where decoding simply stops. Cheap: at most a
 * few blocks are read whatever the file size, so a folder of big runs gets its statuses at once
 * while the full read (keys, counts, console, media) happens later.
 */
export async function scanRecordTail(filePath: string, tailBytes = TAIL_BYTES): Promise<RecordTail> {
  const fh = await fs.promises.open(filePath, 'r');
  try {
    const size = (await fh.stat()).size;
    const version = await readHeaderVersion(fh);
    const empty: RecordTail = { version, size, finish: null, lastDataMs: -Infinity, lastSteps: new Map(), from: size };
    if (version === null) return empty;
    for (let want = tailBytes; ; want *= 4) {
      const from = Math.max(0, Math.floor((size - want) / BLOCK_SIZE) * BLOCK_SIZE);
      const buf = await readRange(fh, from, size);
      const builder = new RecordContentBuilder(filePath, version === 2 ? 'C' : 'B');
      const r = decodeRegion(version, buf, from, builder);
      // a region inside one huge record (a long traceback …): look further back
      if (r.records === 0 && from > 0 && want < MAX_TAIL_BYTES) continue;
      const c = builder.content;
      const lastSteps = new Map<string, number>();
      for (const [key, s] of c.scalars) {
        const steps = s.build().steps;
        if (steps.length) lastSteps.set(key, steps[steps.length - 1]);
      }
      return { version, size, finish: c.finish, lastDataMs: c.lastDataMs, lastSteps, from };
    }
  } finally {
    await fh.close();
  }
}
