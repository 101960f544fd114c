import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_HEADER_SIZE } from './frameFormat';
import { scanFrames } from './framing';
import type { RecordFileContent } from './recordContent';
import { RecordStreamParser } from './recordStream';
import { prng } from '../../testkit/prng';

const FIXTURES = path.resolve(__dirname, '../../../../shared/fixtures');
// Killed runs: both end in a torn chunk, so the fuzz also crosses a real torn tail.
const FILES = [
  'swanlog-0.7.20-offline/run-20261124_050437-c680ybjtazd6gma6xih0j/backup.swanlab',
  'swanlog-0.9.7-offline/run-20261124_050728-7kfg4nnq/run-7kfg4nnq.swanlab',
];


function parse(file: string, buf: Buffer): RecordFileContent {
  const parser = new RecordStreamParser(file);
  parser.feed(buf, 0);
  return parser.content;
}

function isPrefix<T>(part: ArrayLike<T>, whole: ArrayLike<T>): boolean {
  if (part.length > whole.length) return false;
  for (let i = 0; i < part.length; i++) if (!Object.is(part[i], whole[i])) return false;
  return true;
}

for (const rel of FILES) {
  describe(`fuzz ${path.basename(rel)}`, () => {
    const file = path.join(FIXTURES, rel);
    const full = fs.readFileSync(file);
    const truth = scanFrames(full, 0, FILE_HEADER_SIZE);
    const recordEnds = truth.recordOffsets.map((_, i) => truth.recordOffsets[i + 1] ?? truth.nextOffset);
    const whole = parse(file, full);
    const wholeSeries = new Map([...whole.scalars].map(([k, s]) => [k, s.build()]));

    /** Decoding `buf` must not throw and must give a prefix of the true records (at least `mustKeep`). */
    function check(buf: Buffer, mustKeep: number, label: string): void {
      const problems: string[] = [];
      const frames = scanFrames(buf, 0, FILE_HEADER_SIZE);
      if (frames.records.length < mustKeep) problems.push(`only ${frames.records.length} of ${mustKeep} intact records`);
      if (!frames.records.every((r, i) => i < truth.records.length && r.equals(truth.records[i]))) problems.push('records differ');

      const c = parse(file, buf);
      if (c.records > whole.records) problems.push('more records than the file has');
      if (!isPrefix(c.logs.map((l) => l.text), whole.logs.map((l) => l.text))) problems.push('logs');
      for (const [key, s] of c.scalars) {
        const b = s.build();
        const w = wholeSeries.get(key);
        if (!w || !isPrefix(b.steps, w.steps) || !isPrefix(b.values, w.values)) problems.push(`series ${key}`);
      }
      for (const [key, points] of c.media) if (points.length > (whole.media.get(key)?.length ?? 0)) problems.push(`media ${key}`);
      expect(problems, label).toEqual([]);
    }

    const keptBefore = (offset: number) => recordEnds.filter((end) => end <= offset).length;

    it('every truncation in the first 5000 bytes and at 300 random offsets', () => {
      for (let cut = 0; cut <= 5000; cut++) check(full.subarray(0, cut), keptBefore(cut), `cut ${cut}`);
      const rand = prng(1);
      for (let i = 0; i < 300; i++) {
        const cut = Math.floor(rand() * full.length);
        check(full.subarray(0, cut), keptBefore(cut), `cut ${cut}`);
      }
    });

    it('1000 random bit flips', () => {
      const rand = prng(2);
      for (let i = 0; i < 1000; i++) {
        // half of the flips near the start, where records are small and dense
        const at = Math.floor(rand() * (i % 2 ? full.length : Math.min(full.length, 40000)));
        const bit = Math.floor(rand() * 8);
        const flipped = Buffer.from(full);
        flipped[at] ^= 1 << bit;
        check(flipped, keptBefore(at), `flip ${at}:${bit}`);
      }
    });

    it('a truncated copy resumes to the full content', () => {
      const rand = prng(3);
      for (let i = 0; i < 20; i++) {
        const cut = Math.floor(rand() * full.length);
        const parser = new RecordStreamParser(file);
        parser.feed(full.subarray(0, cut), 0);
        const from = parser.resumeOffset;
        parser.feed(full.subarray(from), from);
        expect(parser.content.records).toBe(whole.records);
        expect(parser.content.torn).toEqual(whole.torn);
      }
    });
  });
}
