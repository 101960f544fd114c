import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseTolerantJson } from './tolerantJson';

/**
 * `logs/<folder>/_summary.json`. Numbers only: for media keys ≤0.7 stored lists of file names
 * as max/min (meaningless), those become null; 0.8+ writes only `num` for media.
 */
export interface SummaryFile {
  max: number | null;
  max_step: number | null;
  min: number | null;
  min_step: number | null;
  num: number | null;
}

/**
 * null when missing, empty or unparsable: the SDK truncates and rewrites it after every point
 * (not atomic), so a reader can catch it half written and a killed run can leave it 0 bytes.
 */
export async function readSummaryFile(dir: string): Promise<SummaryFile | null> {
  let text: string;
  try {
    text = await readFile(path.join(dir, '_summary.json'), 'utf8');
  } catch {
    return null;
  }
  let obj: unknown;
  try {
    obj = parseTolerantJson(text);
  } catch {
    return null;
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return null;
  const o = obj as Record<string, unknown>;
  return { max: num(o.max), max_step: num(o.max_step), min: num(o.min), min_step: num(o.min_step), num: num(o.num) };
}

function num(v: unknown): number | null {
  return typeof v === 'number' ? v : null;
}
