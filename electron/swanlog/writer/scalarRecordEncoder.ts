/**
 * Hand-rolled encoder for the one record kind that dominates big runs: a `Record` holding a
 * `ScalarRecord`. It produces the same bytes as `encodeRunRecord` from ../records (checked by
 * the tests) without building objects per point, which keeps generating 1M points fast.
 * Field numbers: docs/swanlog-format.md §7. Zero values are left off the wire like proto3 does.
 */
import type { Micros } from './pyTime';

const COLUMN_TYPE_SCALAR = 1;

function varintSize(v: number): number {
  if (v < 0) return 10; // negative int64: two's complement, always 10 bytes
  if (v < 0x80) return 1;
  if (v < 0x4000) return 2;
  if (v < 0x200000) return 3;
  if (v < 0x10000000) return 4;
  let n = 1;
  while (v >= 128) {
    v = Math.floor(v / 128);
    n++;
  }
  return n;
}

function tsSize(seconds: number, nanos: number): number {
  return (seconds !== 0 ? 1 + varintSize(seconds) : 0) + (nanos !== 0 ? 1 + varintSize(nanos) : 0);
}

export class ScalarRecordEncoder {
  private buf = Buffer.allocUnsafe(4096);
  private pos = 0;
  private keys = new Map<string, Buffer>();

  /** Encodes one record; the result is a view into a scratch buffer, valid until the next call. */
  encode(num: number, recordTime: Micros, key: string, step: number, time: Micros, value: number): Uint8Array {
    let keyBytes = this.keys.get(key);
    if (!keyBytes) this.keys.set(key, (keyBytes = Buffer.from(key, 'utf8')));
    const rSec = Math.floor(recordTime / 1e6);
    const rNanos = (recordTime - rSec * 1e6) * 1000;
    const tSec = Math.floor(time / 1e6);
    const tNanos = (time - tSec * 1e6) * 1000;
    const hasNumber = value !== 0 || Object.is(value, -0);

    const rTsLen = tsSize(rSec, rNanos);
    const tTsLen = tsSize(tSec, tNanos);
    const valueLen = hasNumber ? 9 : 0;
    const scalarLen =
      1 + varintSize(keyBytes.length) + keyBytes.length +
      (step !== 0 ? 1 + varintSize(step) : 0) +
      2 +
      1 + varintSize(tTsLen) + tTsLen +
      1 + 1 + valueLen;
    const total = (num !== 0 ? 1 + varintSize(num) : 0) + 1 + varintSize(rTsLen) + rTsLen + 1 + varintSize(scalarLen) + scalarLen;
    if (total > this.buf.length) this.buf = Buffer.allocUnsafe(total * 2);

    this.pos = 0;
    if (num !== 0) this.tagVarint(0x08, num);
    this.byte(0x12);
    this.varint(rTsLen);
    this.timestamp(rSec, rNanos);
    this.byte(0x6a); // field 13 (scalar), length-delimited
    this.varint(scalarLen);
    this.byte(0x0a);
    this.varint(keyBytes.length);
    this.buf.set(keyBytes, this.pos);
    this.pos += keyBytes.length;
    if (step !== 0) this.tagVarint(0x10, step);
    this.tagVarint(0x18, COLUMN_TYPE_SCALAR);
    this.byte(0x22);
    this.varint(tTsLen);
    this.timestamp(tSec, tNanos);
    this.byte(0x2a);
    this.byte(valueLen);
    if (hasNumber) {
      this.byte(0x09);
      this.buf.writeDoubleLE(value, this.pos);
      this.pos += 8;
    }
    return new Uint8Array(this.buf.buffer, this.buf.byteOffset, this.pos);
  }

  private timestamp(seconds: number, nanos: number): void {
    if (seconds !== 0) this.tagVarint(0x08, seconds);
    if (nanos !== 0) this.tagVarint(0x10, nanos);
  }

  private tagVarint(tag: number, v: number): void {
    this.byte(tag);
    this.varint(v);
  }

  private byte(b: number): void {
    this.buf[this.pos++] = b;
  }

  private varint(v: number): void {
    if (v < 0) {
      // int64 two's complement of a small negative number: low 32 bits, then all ones
      let lo = v >>> 0;
      for (let i = 0; i < 4; i++) {
        this.buf[this.pos++] = (lo & 0x7f) | 0x80;
        lo >>>= 7;
      }
      // bits 28..31 of lo plus bits 32..34 (all ones)
      this.buf[this.pos++] = (lo & 0x0f) | 0x70 | 0x80;
      for (let i = 0; i < 4; i++) this.buf[this.pos++] = 0xff;
      this.buf[this.pos++] = 0x01;
      return;
    }
    if (v <= 0x7fffffff) {
      // fits in 31 bits: cheap integer shifts (timestamps until 2038, nanos, steps, nums)
      while (v >= 128) {
        this.buf[this.pos++] = (v & 0x7f) | 0x80;
        v >>>= 7;
      }
      this.buf[this.pos++] = v;
      return;
    }
    while (v >= 128) {
      this.buf[this.pos++] = (v % 128) | 0x80;
      v = Math.floor(v / 128);
    }
    this.buf[this.pos++] = v;
  }
}
