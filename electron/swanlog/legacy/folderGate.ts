import type { Stats } from 'node:fs';

/** A whole-second folder mtime this recent does not prove anything yet (coarse mtimes: FAT, SMB). */
const RACY_MS = 3000;
/** Every file is checked again at least every this many refreshes. */
const SWEEP_EVERY = 30;

/**
 * How much of a metric folder a refresh must look at:
 * - `last`: only its last file — the folder is unchanged (creating, deleting or replacing a file
 *   changes the folder's mtime, appending does not) and `.log` files are filled one after the
 *   other (doc §4.2: 1000 points per file), so only the last one can grow;
 * - `list`: list it — its mtime changed (`changed`) or is too recent to trust; new files plus the
 *   last one are read, everything when a file disappeared or a change added no file (a replace);
 * - `sweep`: list it and check every file (first time, failed stat, or every 30 refreshes).
 */
export type FolderCheck = { kind: 'last' } | { kind: 'list'; changed: boolean } | { kind: 'sweep' };

/** What a gate remembers between refreshes (to move it to another thread). */
export interface FolderGateState {
  mtimeMs: number | null;
  listedAt: number;
  sinceSweep: number;
}

export class FolderGate {
  private mtimeMs: number | null = null;
  private listedAt = 0;
  private sinceSweep = 0;

  static fromState(s: FolderGateState): FolderGate {
    const g = new FolderGate();
    g.mtimeMs = s.mtimeMs;
    g.listedAt = s.listedAt;
    g.sinceSweep = s.sinceSweep;
    return g;
  }

  state(): FolderGateState {
    return { mtimeMs: this.mtimeMs, listedAt: this.listedAt, sinceSweep: this.sinceSweep };
  }

  /** `st` = stat of the folder taken now, before any listing (null: stat failed). */
  check(st: Stats | null): FolderCheck {
    if (st === null || this.mtimeMs === null || ++this.sinceSweep >= SWEEP_EVERY) return { kind: 'sweep' };
    if (st.mtimeMs !== this.mtimeMs) return { kind: 'list', changed: true };
    // Sub-second mtimes (ext4, NTFS, APFS …) change with every entry change; only whole seconds can hide one.
    if (this.mtimeMs % 1000 === 0 && this.mtimeMs >= this.listedAt - RACY_MS) return { kind: 'list', changed: false };
    return { kind: 'last' };
  }

  /** The folder was listed after `st` was taken; `swept`: every file was checked too. */
  listed(st: Stats | null, swept: boolean): void {
    this.mtimeMs = st ? st.mtimeMs : null;
    this.listedAt = Date.now();
    if (swept) this.sinceSweep = 0;
  }
}
