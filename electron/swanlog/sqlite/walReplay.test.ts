import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { asTableDump, fixturePath, hasPython, makeTempDir, pythonDump } from '../../testkit/fixtures';
import { readRunsDbImage } from './runsDb';
import { loadSqlJs } from './sqlJs';
import { buildWal, transactionFrames } from './walBuilder.testkit';
import { applyWal, WAL_FRAME_HEADER_SIZE, WAL_HEADER_SIZE } from './walReplay';

const PAGE = 4096;
const FRAME = WAL_FRAME_HEADER_SIZE + PAGE;
const EMPTY = new Uint8Array(0);

/** Three states of one database, as sql.js writes them (legacy journal, 4096-byte pages). */
let v1: Uint8Array;
let v2: Uint8Array;
let v3: Uint8Array;

async function openRows(image: Uint8Array): Promise<{ rows: number; integrity: string }> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database(image);
  try {
    const rows = Number(db.exec('SELECT count(*) FROM t')[0].values[0][0]);
    const integrity = String(db.exec('PRAGMA integrity_check')[0].values[0][0]);
    return { rows, integrity };
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  db.run('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
  const insert = (from: number, to: number, width: number) => {
    for (let i = from; i < to; i++) db.run('INSERT INTO t VALUES (?, ?)', [i, `row ${i} `.padEnd(width, 'x')]);
  };
  insert(0, 20, 200);
  v1 = db.export();
  insert(20, 220, 500);
  v2 = db.export();
  db.run('DELETE FROM t WHERE id >= 30');
  db.run('VACUUM');
  v3 = db.export();
  db.close();
});

describe('synthetic databases', () => {
  it('are distinct, page aligned, and v3 is smaller than v2', () => {
    for (const image of [v1, v2, v3]) expect(image.length % PAGE).toBe(0);
    expect(v2.length).toBeGreaterThan(v1.length);
    expect(v3.length).toBeLessThan(v2.length);
  });
});

describe('applyWal on complete WALs', () => {
  it('builds the database from the WAL alone when the main file is empty', async () => {
    const frames = [...transactionFrames(EMPTY, v1, PAGE), ...transactionFrames(v1, v2, PAGE)];
    const result = applyWal(EMPTY, buildWal(frames, { pageSize: PAGE }));
    expect(result.framesApplied).toBe(frames.length);
    expect(result.note).toBeNull();
    expect(result.image).toEqual(v2);
    expect(await openRows(result.image)).toEqual({ rows: 220, integrity: 'ok' });
  });

  it('applies the WAL over an existing main file and grows it', () => {
    const result = applyWal(v1, buildWal(transactionFrames(v1, v2, PAGE), { pageSize: PAGE }));
    expect(result.image).toEqual(v2);
  });

  it('shrinks the image to the committed database size', async () => {
    const result = applyWal(v2, buildWal(transactionFrames(v2, v3, PAGE), { pageSize: PAGE }));
    expect(result.image.length).toBe(v3.length);
    expect(result.image).toEqual(v3);
    expect(await openRows(result.image)).toEqual({ rows: 30, integrity: 'ok' });
  });

  it('reads big-endian checksums (magic 0x377f0683)', () => {
    const wal = buildWal(transactionFrames(v1, v2, PAGE), { pageSize: PAGE, bigEndian: true });
    expect(wal[3]).toBe(0x83);
    expect(applyWal(v1, wal).image).toEqual(v2);
  });

  it('keeps the newest copy of a page written by several transactions', () => {
    const frames = [...transactionFrames(v1, v2, PAGE), ...transactionFrames(v2, v3, PAGE)];
    expect(applyWal(v1, buildWal(frames, { pageSize: PAGE })).image).toEqual(v3);
  });
});

describe('applyWal with torn or stale WAL tails', () => {
  const tx1 = () => transactionFrames(EMPTY, v1, PAGE);
  const tx2 = () => transactionFrames(v1, v2, PAGE);

  it('applies only fully committed transactions, wherever the WAL is cut', () => {
    const wal = buildWal([...tx1(), ...tx2()], { pageSize: PAGE });
    const endOfTx1 = WAL_HEADER_SIZE + tx1().length * FRAME;
    const cuts = [0, 1, 31, 32, 33, 32 + FRAME - 1, 32 + FRAME, endOfTx1 - 1, endOfTx1, endOfTx1 + 24, endOfTx1 + FRAME + 7, wal.length - 1, wal.length];
    for (let cut = 0; cut <= wal.length; cut += 1531) cuts.push(cut);
    for (const cut of cuts) {
      const result = applyWal(EMPTY, wal.subarray(0, cut));
      const expected = cut === wal.length ? v2 : cut >= endOfTx1 ? v1 : EMPTY;
      expect(result.image, `cut at ${cut}`).toEqual(expected);
      expect(result.framesApplied, `cut at ${cut}`).toBe(cut === wal.length ? tx1().length + tx2().length : cut >= endOfTx1 ? tx1().length : 0);
    }
  });

  it('stops at a frame whose checksum is wrong and says so', () => {
    const wal = buildWal([...tx1(), ...tx2()], { pageSize: PAGE });
    const frameInTx2 = tx1().length + 1; // 0-based index of the 2nd frame of tx2
    wal[WAL_HEADER_SIZE + frameInTx2 * FRAME + WAL_FRAME_HEADER_SIZE + 100] ^= 0xff;
    const result = applyWal(EMPTY, wal);
    expect(result.image).toEqual(v1);
    expect(result.framesApplied).toBe(tx1().length);
    expect(result.note).toMatch(/checksum/);
  });

  it('a broken checksum early in the WAL invalidates every later frame (cumulative chain)', () => {
    const wal = buildWal([...tx1(), ...tx2()], { pageSize: PAGE });
    wal[WAL_HEADER_SIZE + WAL_FRAME_HEADER_SIZE + 5] ^= 0x01; // first frame
    const result = applyWal(v1, wal);
    expect(result.framesApplied).toBe(0);
    expect(result.image).toEqual(v1);
  });

  it('treats frames with other salts as stale leftovers of a restarted WAL', () => {
    const wal = buildWal([...tx1(), ...tx2()], { pageSize: PAGE });
    const firstOfTx2 = WAL_HEADER_SIZE + tx1().length * FRAME;
    wal[firstOfTx2 + 8] ^= 0x01; // salt-1 of the first frame of tx2
    const result = applyWal(EMPTY, wal);
    expect(result.image).toEqual(v1);
    expect(result.framesApplied).toBe(tx1().length);
    expect(result.note).toBeNull();
  });

  it('ignores frames after the last commit (transaction still being written)', () => {
    const frames = [...tx1(), ...tx2()];
    frames[frames.length - 1].commit = 0;
    const result = applyWal(EMPTY, buildWal(frames, { pageSize: PAGE }));
    expect(result.image).toEqual(v1);
    expect(result.note).toMatch(/uncommitted/);
  });

  it('applies nothing from a WAL without any commit frame', () => {
    const frames = tx2().map((frame) => ({ ...frame, commit: 0 }));
    const result = applyWal(v1, buildWal(frames, { pageSize: PAGE }));
    expect(result.framesApplied).toBe(0);
    expect(result.image).toEqual(v1);
    expect(result.note).toMatch(/uncommitted/);
  });

  it('rejects a frame for page 0', () => {
    const frames = [...tx1(), { page: 0, data: v1.subarray(0, PAGE), commit: 1 }];
    const result = applyWal(EMPTY, buildWal(frames, { pageSize: PAGE }));
    expect(result.image).toEqual(v1);
    expect(result.note).toMatch(/page number 0/);
  });
});

describe('applyWal with unusable WAL headers', () => {
  const wal = () => buildWal(transactionFrames(v1, v2, PAGE), { pageSize: PAGE });

  it('returns the main image for a null, empty or header-only WAL', () => {
    for (const input of [null, EMPTY, wal().subarray(0, WAL_HEADER_SIZE)]) {
      const result = applyWal(v1, input);
      expect(result).toEqual({ image: v1, framesApplied: 0, note: null });
      expect(result.image).not.toBe(v1);
    }
  });

  const cases: [string, ((w: Uint8Array) => void) | null, RegExp][] = [
    ['bad magic', (w) => void (w[0] = 0x12), /magic/],
    ['unknown format version', (w) => void (w[7] ^= 1), /version/],
    ['invalid page size', (w) => void (w[10] = 0x11), /page size/],
    ['header checksum mismatch', (w) => void (w[13] ^= 1), /header checksum/],
    ['truncated header', null, /truncated/],
  ];
  it.each(cases)('%s: main image untouched, with a note', (_label, corrupt, note) => {
    let input = wal();
    if (corrupt) corrupt(input);
    else input = input.subarray(0, 20);
    const result = applyWal(v1, input);
    expect(result.image).toEqual(v1);
    expect(result.framesApplied).toBe(0);
    expect(result.note).toMatch(note);
  });

  it('ignores a WAL whose page size differs from the main file', () => {
    const small = buildWal([{ page: 1, data: new Uint8Array(1024), commit: 1 }], { pageSize: 1024 });
    const result = applyWal(v1, small);
    expect(result.image).toEqual(v1);
    expect(result.note).toMatch(/page size 1024 differs/);
  });

  it('takes the page size from the WAL header when the main file is empty', () => {
    const result = applyWal(EMPTY, buildWal(transactionFrames(EMPTY, v1, PAGE), { pageSize: PAGE }));
    expect(result.image.length).toBe(v1.length);
  });
});

describe('applyWal output header', () => {
  it('turns the WAL-mode bytes 18/19 into legacy (1) without mutating the input', () => {
    const walMode = v1.slice();
    walMode[18] = 2;
    walMode[19] = 2;
    const plain = applyWal(walMode, null);
    expect([plain.image[18], plain.image[19]]).toEqual([1, 1]);
    expect([walMode[18], walMode[19]]).toEqual([2, 2]);

    const next = v2.slice();
    next[18] = 2;
    next[19] = 2;
    const replayed = applyWal(walMode, buildWal(transactionFrames(walMode, next, PAGE), { pageSize: PAGE }));
    expect([replayed.image[18], replayed.image[19]]).toEqual([1, 1]);
  });

  it('never throws on garbage', () => {
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const noise = (n: number): Uint8Array => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
    const valid = buildWal(transactionFrames(v1, v2, PAGE), { pageSize: PAGE });
    for (let i = 0; i < 200; i++) {
      const wal = valid.slice(0, Math.floor(random() * valid.length));
      for (let k = 0; k < 3; k++) if (wal.length) wal[Math.floor(random() * wal.length)] = Math.floor(random() * 256);
      const db = i % 3 === 0 ? noise(Math.floor(random() * 9000)) : v1;
      expect(() => applyWal(db, i % 5 === 0 ? noise(Math.floor(random() * 9000)) : wal)).not.toThrow();
    }
  });
});

describe('applyWal on a WAL written by real SQLite (swanlog-0.4.12)', () => {
  const dir = fixturePath('swanlog-0.4.12');
  const main = new Uint8Array(fs.readFileSync(path.join(dir, 'runs.swanlab')));
  const wal = new Uint8Array(fs.readFileSync(path.join(dir, 'runs.swanlab-wal')));
  const view = new DataView(wal.buffer, wal.byteOffset, wal.byteLength);
  const frameCount = Math.floor((wal.length - WAL_HEADER_SIZE) / FRAME);
  // 1-based numbers of the commit frames, read straight from the frame headers
  const commits = Array.from({ length: frameCount }, (_, i) => i + 1).filter(
    (n) => view.getUint32(WAL_HEADER_SIZE + (n - 1) * FRAME + 4) !== 0,
  );
  const lastCommitWithin = (frames: number) => commits.filter((n) => n <= frames).pop() ?? 0;
  const cuts = [WAL_HEADER_SIZE + 10 * FRAME + 100, WAL_HEADER_SIZE + 60 * FRAME, WAL_HEADER_SIZE + 101 * FRAME - 3, WAL_HEADER_SIZE + 150 * FRAME + FRAME / 2, wal.length - 1];

  it('validates every frame of the checksum chain', () => {
    const result = applyWal(main, wal);
    expect(frameCount).toBe(212);
    expect(result.framesApplied).toBe(commits[commits.length - 1]);
    expect(result.note).toBeNull();
  });

  it('applies only complete transactions of a truncated WAL, and the result is a sound database', async () => {
    let previousExperiments = -1;
    for (const cut of cuts) {
      const result = applyWal(main, wal.subarray(0, cut));
      const fullFrames = Math.floor((cut - WAL_HEADER_SIZE) / FRAME);
      expect(result.framesApplied, `cut at ${cut}`).toBe(lastCommitWithin(fullFrames));
      const { db } = await readRunsDbImage(result.image, `cut at ${cut}`);
      expect(db.experiments.length).toBeGreaterThanOrEqual(previousExperiments);
      previousExperiments = db.experiments.length;
      const SQL = await loadSqlJs();
      const check = new SQL.Database(result.image);
      expect(check.exec('PRAGMA integrity_check')[0].values[0][0]).toBe('ok');
      check.close();
    }
  });

  it.skipIf(!hasPython())('truncated WALs read the same as Python sqlite3 reading the same bytes', async () => {
    for (const cut of cuts) {
      const dir = makeTempDir('torn');
      fs.writeFileSync(path.join(dir, 'runs.swanlab'), main);
      fs.writeFileSync(path.join(dir, 'runs.swanlab-wal'), wal.subarray(0, cut));
      const expected = pythonDump(path.join(dir, 'runs.swanlab'));
      fs.rmSync(dir, { recursive: true, force: true });
      const { db } = await readRunsDbImage(applyWal(main, wal.subarray(0, cut)).image, `cut at ${cut}`);
      expect(asTableDump(db), `cut at ${cut}`).toEqual(expected);
    }
  });
});
