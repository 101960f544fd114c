// Test helper: writes a WAL file per the SQLite file format, to feed applyWal.

import { walChecksum } from './walChecksum';

export interface WalFrameInput {
  page: number;
  data: Uint8Array;
  /** database size in pages after this commit; 0/undefined = not a commit frame */
  commit?: number;
}

export interface WalOptions {
  pageSize: number;
  bigEndian?: boolean;
  salt1?: number;
  salt2?: number;
}

export function buildWal(frames: WalFrameInput[], options: WalOptions): Uint8Array {
  const { pageSize, bigEndian = false, salt1 = 0x11223344, salt2 = 0x55667788 } = options;
  const frameSize = 24 + pageSize;
  const wal = new Uint8Array(32 + frames.length * frameSize);
  const view = new DataView(wal.buffer);
  view.setUint32(0, bigEndian ? 0x377f0683 : 0x377f0682);
  view.setUint32(4, 3007000);
  view.setUint32(8, pageSize);
  view.setUint32(12, 0);
  view.setUint32(16, salt1);
  view.setUint32(20, salt2);
  let chain = walChecksum(wal, 0, 24, bigEndian);
  view.setUint32(24, chain[0]);
  view.setUint32(28, chain[1]);
  frames.forEach((frame, i) => {
    const off = 32 + i * frameSize;
    if (frame.data.length !== pageSize) throw new Error('frame data must be one page');
    view.setUint32(off, frame.page);
    view.setUint32(off + 4, frame.commit ?? 0);
    view.setUint32(off + 8, salt1);
    view.setUint32(off + 12, salt2);
    wal.set(frame.data, off + 24);
    chain = walChecksum(wal, off, 8, bigEndian, chain);
    chain = walChecksum(wal, off + 24, pageSize, bigEndian, chain);
    view.setUint32(off + 16, chain[0]);
    view.setUint32(off + 20, chain[1]);
  });
  return wal;
}

/** One transaction's frames: the pages of `next` that differ from `previous`, last one marked as commit. */
export function transactionFrames(previous: Uint8Array, next: Uint8Array, pageSize: number): WalFrameInput[] {
  const pages = next.length / pageSize;
  const frames: WalFrameInput[] = [];
  for (let page = 1; page <= pages; page++) {
    const data = next.subarray((page - 1) * pageSize, page * pageSize);
    const old = previous.subarray((page - 1) * pageSize, page * pageSize);
    if (old.length !== data.length || !old.every((byte, i) => byte === data[i])) frames.push({ page, data });
  }
  if (frames.length === 0) frames.push({ page: 1, data: next.subarray(0, pageSize) });
  frames[frames.length - 1].commit = pages;
  return frames;
}
