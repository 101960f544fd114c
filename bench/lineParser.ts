/**
 * The .log line parser alone (legacy/logLine.ts scanLogLine, whose SDK-shape fast path takes
 * the lines our writer and the SDK write), on the lines of a dataset held in memory: no I/O.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ScannedPoint, scanLogLine } from '../electron/swanlog/legacy/logLine';
import { median } from './stats';

export interface LineParserArgs {
  runDirs: string[];
  repeats: number;
}

export interface LineParserResult {
  bytes: number;
  lines: number;
  medianMbPerS: number;
  medianNsPerLine: number;
}

function logFiles(runDir: string): string[] {
  const logs = path.join(runDir, 'logs');
  return fs.readdirSync(logs).flatMap((k) => fs.readdirSync(path.join(logs, k)).filter((n) => n.endsWith('.log')).map((n) => path.join(logs, k, n)));
}

export function measureLineParser(args: LineParserArgs): LineParserResult {
  const buffers = args.runDirs.flatMap(logFiles).map((f) => fs.readFileSync(f));
  const bytes = buffers.reduce((n, b) => n + b.length, 0);
  const out = new ScannedPoint();
  let lines = 0;
  const times: number[] = [];
  for (let r = 0; r < args.repeats; r++) {
    lines = 0;
    const t0 = performance.now();
    for (const b of buffers) {
      for (let start = 0, nl = b.indexOf(10); nl >= 0; start = nl + 1, nl = b.indexOf(10, start)) {
        if (scanLogLine(b, start, nl, out)) lines++;
      }
    }
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  return { bytes, lines, medianMbPerS: bytes / 1e6 / (ms / 1000), medianNsPerLine: (ms * 1e6) / lines };
}
