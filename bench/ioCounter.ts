import * as fs from 'node:fs';

/**
 * Bytes this process has read through read(2)-like calls so far (Linux `rchar` of
 * /proc/self/io: every file the readers touch, page cache hits included), or null elsewhere.
 */
export function bytesReadSoFar(): number | null {
  try {
    const m = /^rchar:\s*(\d+)/m.exec(fs.readFileSync('/proc/self/io', 'latin1'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}
