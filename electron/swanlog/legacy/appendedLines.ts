import { open, stat } from 'node:fs/promises';

/** Where the previous read of an append-only text file stopped. */
export interface TailPosition {
  /** Bytes already consumed: always the end of a complete line (or of a consumed tail). */
  offset: number;
  ino: bigint;
  /** File size at the last read, to skip unchanged files cheaply. */
  size: number;
}

export interface AppendedRead {
  position: TailPosition;
  /** The file was replaced (other inode) or shrank: lines were re-read from byte 0. */
  reset: boolean;
  /** Bytes after the last newline (a line still being written, or a torn one); empty if none. */
  tail: Buffer;
  /** Same inode and size as at `prev`: nothing was read (tail is empty, the old one stands). */
  unchanged: boolean;
}

export interface LineSink {
  /** Called first when the file was replaced or shrank: what was read before is void. */
  reset?(): void;
  /**
   * One complete line: bytes[start..end) of UTF-8, newline (and the `\r` of `\r\n`) excluded.
   * The buffer is reused for the next chunk: copy what must outlive the call.
   */
  line(bytes: Buffer, start: number, end: number): void;
}

const CHUNK = 4 * 1024 * 1024;
const NO_TAIL = Buffer.alloc(0);

/**
 * Calls sink.line for every complete line appended since `prev`, as byte ranges of the chunk
 * read (no string per line). Throws the fs error (ENOENT …) to the caller.
 */
export async function readAppendedLines(path: string, prev: TailPosition | null, sink: LineSink): Promise<AppendedRead> {
  if (prev !== null) {
    // One stat instead of open + fstat + close for the many files that did not change.
    const st = await stat(path, { bigint: true });
    if (st.ino === prev.ino && Number(st.size) === prev.size) return { position: prev, reset: false, tail: NO_TAIL, unchanged: true };
  }
  const fh = await open(path, 'r');
  try {
    const st = await fh.stat({ bigint: true });
    const size = Number(st.size);
    const reset = prev !== null && (prev.ino !== st.ino || size < prev.offset);
    let offset = prev === null || reset ? 0 : prev.offset;
    if (reset) sink.reset?.();
    let buf: Buffer = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(size - offset, 1)));
    let have = 0; // bytes of buf holding the unfinished line carried over from the last chunk
    let readPos = offset;
    while (readPos < size) {
      if (have === buf.length) buf = grow(buf); // one line longer than the buffer
      const { bytesRead } = await fh.read(buf, have, Math.min(buf.length - have, size - readPos), readPos);
      if (bytesRead === 0) break; // truncated meanwhile; the next refresh sees the shrink
      readPos += bytesRead;
      const filled = have + bytesRead;
      const lastNl = buf.lastIndexOf(10, filled - 1);
      if (lastNl < 0) {
        have = filled;
        continue;
      }
      emitLines(buf, lastNl, sink);
      offset += lastNl + 1;
      have = filled - (lastNl + 1);
      buf.copy(buf, 0, lastNl + 1, filled);
    }
    return {
      position: { offset, ino: st.ino, size },
      reset,
      tail: Buffer.from(buf.subarray(0, have)),
      unchanged: false,
    };
  } finally {
    await fh.close();
  }
}

function grow(buf: Buffer): Buffer {
  const bigger = Buffer.allocUnsafe(buf.length * 2);
  buf.copy(bigger);
  return bigger;
}

/** Lines of buf[0..end) (buf[end] is the last newline). */
function emitLines(buf: Buffer, end: number, sink: LineSink): void {
  let start = 0;
  while (start <= end) {
    let nl = buf.indexOf(10, start);
    if (nl < 0 || nl > end) nl = end;
    const lineEnd = nl > start && buf[nl - 1] === 13 ? nl - 1 : nl;
    sink.line(buf, start, lineEnd);
    start = nl + 1;
  }
}
