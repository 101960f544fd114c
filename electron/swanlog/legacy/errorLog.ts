import { readFile, stat } from 'node:fs/promises';

export interface ErrorLogState {
  lines: string[];
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
}

/**
 * `console/error.log`: written on a crash or Ctrl-C (appended: a `str(datetime.now())` line in
 * local time, then the traceback). Re-read whole when it changed; null when absent.
 */
export async function readErrorLog(file: string, prev: ErrorLogState | null): Promise<ErrorLogState | null> {
  let st;
  try {
    st = await stat(file, { bigint: true });
  } catch {
    return null;
  }
  if (prev !== null && prev.ino === st.ino && prev.size === st.size && prev.mtimeNs === st.mtimeNs) return prev;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return prev;
  }
  return { lines: splitFileLines(text), ino: st.ino, size: st.size, mtimeNs: st.mtimeNs };
}

/**
 * The lines of a text file: split on `\n` (a `\r\n` ending counts as one), the empty string
 * after a final newline dropped. Inner empty lines stay (a KeyboardInterrupt traceback ends
 * with one).
 */
export function splitFileLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}
