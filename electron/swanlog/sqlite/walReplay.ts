// Replays a SQLite write-ahead log onto a copy of the main database file, in memory,
// following https://www.sqlite.org/fileformat2.html §4 "The Write-Ahead Log".
// Pure: never touches the disk and never throws on malformed input.

import { walChecksum, type ChecksumPair } from './walChecksum';

export interface WalReplayResult {
  /** The database image to open (always a fresh copy, never the `db` argument itself). */
  image: Uint8Array;
  /** Frames up to and including the last valid commit frame. */
  framesApplied: number;
  /** Why (part of) the WAL was ignored, when that is not routine. */
  note: string | null;
}

export const WAL_HEADER_SIZE = 32;
export const WAL_FRAME_HEADER_SIZE = 24;
const WAL_MAGIC_LE = 0x377f0682;
const WAL_MAGIC_BE = 0x377f0683;
const WAL_FORMAT_VERSION = 3007000;
const SQLITE_MAGIC = 'SQLite format 3\0';

interface WalHeader {
  bigEndian: boolean;
  pageSize: number;
  salt1: number;
  salt2: number;
  checksum: ChecksumPair;
}

function u32(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3]) >>> 0;
}

function isPowerOfTwoPageSize(size: number): boolean {
  return size >= 512 && size <= 65536 && (size & (size - 1)) === 0;
}

function parseWalHeader(wal: Uint8Array): WalHeader | string {
  if (wal.length < WAL_HEADER_SIZE) return `WAL header truncated (${wal.length} bytes)`;
  const magic = u32(wal, 0);
  if (magic !== WAL_MAGIC_LE && magic !== WAL_MAGIC_BE) return `bad WAL magic 0x${magic.toString(16)}`;
  const version = u32(wal, 4);
  if (version !== WAL_FORMAT_VERSION) return `unsupported WAL format version ${version}`;
  const pageSize = u32(wal, 8);
  if (!isPowerOfTwoPageSize(pageSize)) return `invalid WAL page size ${pageSize}`;
  const bigEndian = magic === WAL_MAGIC_BE;
  const checksum = walChecksum(wal, 0, 24, bigEndian);
  if (checksum[0] !== u32(wal, 24) || checksum[1] !== u32(wal, 28)) return 'WAL header checksum mismatch';
  return { bigEndian, pageSize, salt1: u32(wal, 16), salt2: u32(wal, 20), checksum };
}

/** Page size recorded in a main database header, or null if `db` is not a SQLite file. */
function mainPageSize(db: Uint8Array): number | null {
  if (db.length < 100) return null;
  for (let i = 0; i < SQLITE_MAGIC.length; i++) {
    if (db[i] !== SQLITE_MAGIC.charCodeAt(i)) return null;
  }
  const raw = (db[16] << 8) | db[17];
  return raw === 1 ? 65536 : raw;
}

/** Header bytes 18/19 = 2 mean "WAL mode"; 1 (legacy) lets an in-memory SQLite open the image alone. */
function markLegacyJournal(image: Uint8Array): Uint8Array {
  if (image.length >= 20) {
    if (image[18] === 2) image[18] = 1;
    if (image[19] === 2) image[19] = 1;
  }
  return image;
}

function untouched(db: Uint8Array, note: string | null): WalReplayResult {
  return { image: markLegacyJournal(db.slice()), framesApplied: 0, note };
}

interface FrameScan {
  /** page number -> offset of that page's content in the WAL, as of the last commit */
  pages: Map<number, number>;
  dbPages: number;
  framesApplied: number;
  notes: string[];
}

function scanFrames(wal: Uint8Array, header: WalHeader): FrameScan {
  const frameSize = WAL_FRAME_HEADER_SIZE + header.pageSize;
  const committed = new Map<number, number>();
  const pending = new Map<number, number>();
  const notes: string[] = [];
  let chain = header.checksum;
  let frames = 0;
  let framesApplied = 0;
  let dbPages = 0;

  for (let off = WAL_HEADER_SIZE; ; off += frameSize) {
    const frameNo = frames + 1;
    if (off + frameSize > wal.length) {
      if (off < wal.length) notes.push(`WAL ends with a partial frame ${frameNo} (${wal.length - off} bytes)`);
      break;
    }
    // Frames whose salts differ are left over from before the WAL was restarted: routine.
    if (u32(wal, off + 8) !== header.salt1 || u32(wal, off + 12) !== header.salt2) break;
    const pageNo = u32(wal, off);
    if (pageNo === 0) {
      notes.push(`WAL frame ${frameNo} has page number 0`);
      break;
    }
    chain = walChecksum(wal, off, 8, header.bigEndian, chain);
    chain = walChecksum(wal, off + WAL_FRAME_HEADER_SIZE, header.pageSize, header.bigEndian, chain);
    if (chain[0] !== u32(wal, off + 16) || chain[1] !== u32(wal, off + 20)) {
      notes.push(`WAL frame ${frameNo} fails its checksum (torn write)`);
      break;
    }
    frames = frameNo;
    pending.set(pageNo, off + WAL_FRAME_HEADER_SIZE);
    const commitSize = u32(wal, off + 4);
    if (commitSize !== 0) {
      for (const [page, at] of pending) committed.set(page, at);
      pending.clear();
      dbPages = commitSize;
      framesApplied = frames;
    }
  }
  if (frames > framesApplied) {
    notes.push(`${frames - framesApplied} WAL frame(s) after the last commit ignored (uncommitted transaction)`);
  }
  return { pages: committed, dbPages, framesApplied, notes };
}

export function applyWal(db: Uint8Array, wal: Uint8Array | null): WalReplayResult {
  if (wal === null || wal.length === 0) return untouched(db, null);
  const header = parseWalHeader(wal);
  if (typeof header === 'string') return untouched(db, `WAL ignored: ${header}`);
  const mainSize = mainPageSize(db);
  if (mainSize !== null && mainSize !== header.pageSize) {
    return untouched(db, `WAL ignored: page size ${header.pageSize} differs from the database's ${mainSize}`);
  }

  const scan = scanFrames(wal, header);
  const note = scan.notes.length > 0 ? scan.notes.join('; ') : null;
  if (scan.framesApplied === 0) return untouched(db, note);

  const { pageSize } = header;
  const image = new Uint8Array(scan.dbPages * pageSize);
  image.set(db.subarray(0, Math.min(db.length, image.length)));
  for (const [page, at] of scan.pages) {
    if (page <= scan.dbPages) image.set(wal.subarray(at, at + pageSize), (page - 1) * pageSize);
  }
  return { image: markLegacyJournal(image), framesApplied: scan.framesApplied, note };
}
