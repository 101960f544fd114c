/**
 * Bytes waiting to be appended to one file, kept off the JS heap in large Buffers so that big
 * generated runs cause little garbage collection. Written out with one write per chunk.
 */
import * as fs from 'node:fs';

const CHUNK = 64 * 1024;

export class ByteQueue {
  private chunks: Buffer[] = [];
  private cur: Buffer | null = null;
  private used = 0;
  /** Bytes queued. */
  size = 0;

  /** Appends a string known to be ASCII (the hot path: numbers and timestamps). */
  appendAscii(s: string): void {
    if (!this.cur || this.used + s.length > this.cur.length) this.next(s.length);
    this.used += this.cur!.write(s, this.used, 'latin1');
    this.size += s.length;
  }

  appendText(s: string): void {
    this.appendBytes(Buffer.from(s, 'utf8'));
  }

  appendBytes(b: Uint8Array): void {
    if (!this.cur || this.used + b.length > this.cur.length) this.next(b.length);
    this.cur!.set(b, this.used);
    this.used += b.length;
    this.size += b.length;
  }

  /** Appends everything queued to `file` (created if missing) and empties the queue. */
  flushTo(file: string): void {
    if (!this.size) return;
    const fd = fs.openSync(file, 'a');
    try {
      this.drain(fd);
    } finally {
      fs.closeSync(fd);
    }
  }

  /** Writes everything queued to an open file descriptor and empties the queue. */
  drain(fd: number): void {
    if (this.cur && this.used) this.chunks.push(this.cur.subarray(0, this.used));
    for (const c of this.chunks) {
      let done = 0;
      while (done < c.length) done += fs.writeSync(fd, c, done, c.length - done);
    }
    this.chunks = [];
    this.cur = null;
    this.used = 0;
    this.size = 0;
  }

  private next(atLeast: number): void {
    if (this.cur && this.used) this.chunks.push(this.cur.subarray(0, this.used));
    this.cur = Buffer.allocUnsafe(Math.max(CHUNK, atLeast));
    this.used = 0;
  }
}
