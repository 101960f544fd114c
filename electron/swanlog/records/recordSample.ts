import * as fs from 'node:fs';
import type { NumericSeries } from '../../../shared/domain';
import { BLOCK_SIZE } from './frameFormat';
import { RecordContentBuilder } from './recordContent';
import { decodeRegion, readHeaderVersion, readRange } from './recordRegion';

/** A coarse look at a record file's scalars from a few of its blocks: a preview, never the series. */
export interface RecordSample {
  /** File size when sampled. */
  size: number;
  /** Per scalar key: the points found in the sampled blocks, sorted by step. */
  series: Map<string, NumericSeries>;
  /** Per key: points found × file bytes / bytes sampled (a guess at the series length). */
  estimatedTotals: Map<string, number>;
  /** Blocks read. */
  blocks: number;
}

export const SAMPLE_BLOCKS = 32;

/** `count` block indices out of `total`, evenly spread, first and last included. */
export function spreadIndices(total: number, count: number): number[] {
  if (total <= 0) return [];
  const n = Math.min(total, Math.max(1, count));
  if (n === 1) return [total - 1];
  const out: number[] = [];
  for (let j = 0; j < n; j++) {
    const i = Math.round((j * (total - 1)) / (n - 1));
    if (out[out.length - 1] !== i) out.push(i);
  }
  return out;
}

/**
 * Reads `blocks` evenly spaced 32 KiB blocks of a record file (the first and the last among
 * them) and decodes the records that begin in each (recordRegion.ts). Every key of the file is
 * sampled by the same reads, so one sample serves every chart of a run. Records are written in
 * step order, so the points found are spread over the whole step range; what lies between the
 * blocks is not seen (a spike there is missing until the full read replaces the preview).
 */
export async function sampleRecordFile(filePath: string, blocks = SAMPLE_BLOCKS): Promise<RecordSample> {
  const fh = await fs.promises.open(filePath, 'r');
  try {
    const size = (await fh.stat()).size;
    const version = await readHeaderVersion(fh);
    const sample: RecordSample = { size, series: new Map(), estimatedTotals: new Map(), blocks: 0 };
    if (version === null) return sample;
    const builder = new RecordContentBuilder(filePath, version === 2 ? 'C' : 'B');
    let sampled = 0;
    const indices = spreadIndices(Math.ceil(size / BLOCK_SIZE), blocks);
    const reads = await Promise.all(indices.map((i) => readRange(fh, i * BLOCK_SIZE, Math.min(size, (i + 1) * BLOCK_SIZE))));
    for (const [j, buf] of reads.entries()) {
      decodeRegion(version, buf, indices[j] * BLOCK_SIZE, builder);
      sampled += buf.length;
    }
    sample.blocks = indices.length;
    const scale = sampled > 0 ? size / sampled : 1;
    for (const [key, s] of builder.content.scalars) {
      const built = s.build();
      sample.series.set(key, built);
      sample.estimatedTotals.set(key, Math.round(built.steps.length * scale));
    }
    return sample;
  } finally {
    await fh.close();
  }
}
