import * as fs from 'node:fs';
import {
  BLOCK_SIZE,
  CHUNK_FIRST,
  CHUNK_FULL,
  CHUNK_HEADER_SIZE,
  CHUNK_LAST,
  CHUNK_MIDDLE,
  chunkCrc,
  fileHeader,
} from './frameFormat';

export interface ByteSink {
  write(bytes: Buffer): void;
  /** For buffering sinks: push everything written so far to the destination. */
  flush?(): void;
}

export interface FrameWriterOptions {
  /** File header version written at offset 0 (default 2). */
  version?: number;
  /** File offset the sink is at; > 0 to append to an existing file (no header is written then). */
  offset?: number;
}

/** Appends records to a file-like sink with LevelDB-log block padding and chunk splitting. */
export class FrameWriter {
  private pos: number;

  constructor(private readonly sink: ByteSink, options: FrameWriterOptions = {}) {
    this.pos = options.offset ?? 0;
    if (this.pos === 0) {
      const header = fileHeader(options.version ?? 2);
      this.sink.write(header);
      this.pos = header.length;
    }
  }

  flush(): void {
    this.sink.flush?.();
  }

  /** File offset of the next byte to be written. */
  get offset(): number {
    return this.pos;
  }

  /** Writes one record; returns the file offset of its first chunk. */
  writeRecord(payload: Uint8Array): number {
    const out = Buffer.alloc(this.encodedSize(payload.length));
    let o = 0;
    let first = -1;
    let done = 0;
    for (;;) {
      const leftInBlock = BLOCK_SIZE - (this.pos % BLOCK_SIZE);
      if (leftInBlock < CHUNK_HEADER_SIZE) {
        o += leftInBlock; // already zero
        this.pos += leftInBlock;
        continue;
      }
      if (first < 0) first = this.pos;
      const n = Math.min(payload.length - done, leftInBlock - CHUNK_HEADER_SIZE);
      const isFirst = first === this.pos;
      const isLast = done + n === payload.length;
      const type = isFirst && isLast ? CHUNK_FULL : isFirst ? CHUNK_FIRST : isLast ? CHUNK_LAST : CHUNK_MIDDLE;
      const part = payload.subarray(done, done + n);
      out.writeUInt32LE(chunkCrc(type, part), o);
      out.writeUInt16LE(n, o + 4);
      out[o + 6] = type;
      out.set(part, o + CHUNK_HEADER_SIZE);
      o += CHUNK_HEADER_SIZE + n;
      this.pos += CHUNK_HEADER_SIZE + n;
      done += n;
      if (isLast) break;
    }
    this.sink.write(out.subarray(0, o));
    return first;
  }

  /** Upper bound of the bytes one record takes from the current position. */
  private encodedSize(length: number): number {
    const blocks = Math.ceil((length + CHUNK_HEADER_SIZE) / (BLOCK_SIZE - CHUNK_HEADER_SIZE)) + 2;
    return length + blocks * (2 * CHUNK_HEADER_SIZE);
  }

  /** A whole record file in memory. */
  static encodeFile(records: Iterable<Uint8Array>, version = 2): Buffer {
    const parts: Buffer[] = [];
    const writer = new FrameWriter({ write: (b) => parts.push(b) }, { version });
    for (const r of records) writer.writeRecord(r);
    return Buffer.concat(parts);
  }
}

/**
 * Sink that appends to an open file descriptor through a buffer of `bufferSize` bytes;
 * call `flush()` (or FrameWriter.flush) before closing the descriptor.
 */
export function fdSink(fd: number, bufferSize = 1 << 20): Required<ByteSink> {
  const pending = Buffer.allocUnsafe(bufferSize);
  let used = 0;
  const writeAll = (bytes: Uint8Array): void => {
    let done = 0;
    while (done < bytes.length) done += fs.writeSync(fd, bytes, done, bytes.length - done);
  };
  const flush = (): void => {
    writeAll(pending.subarray(0, used));
    used = 0;
  };
  return {
    write(bytes: Buffer): void {
      if (used + bytes.length > bufferSize) flush();
      if (bytes.length >= bufferSize) writeAll(bytes);
      else used += bytes.copy(pending, used);
    },
    flush,
  };
}
