import type { Stats } from 'node:fs';

/** A listing is trusted only once the folder has been quiet this long (coarse mtimes: FAT, SMB). */
const RACY_MS = 3000;
/** Even a quiet folder is listed again every this many refreshes. */
const FULL_SWEEP_EVERY = 30;

/**
 * Tells whether a metric folder must be listed (and all its files stat'ed) again, from the
 * folder's own mtime: creating, deleting or replacing (os.replace) a file changes it, appending
 * to a file does not. `.log` files are filled one after the other (doc §4.2: 1000 points per
 * file), so while the folder is unchanged only its last file can grow.
 */
export class FolderGate {
  private mtimeMs: number | null = null;
  private listedAt = 0;
  private quiet = 0;

  /** `st` = stat of the folder taken now, before any listing (null: stat failed). */
  mustList(st: Stats | null): boolean {
    if (st === null || this.mtimeMs === null || st.mtimeMs !== this.mtimeMs) return true;
    if (this.mtimeMs >= this.listedAt - RACY_MS) return true;
    return ++this.quiet >= FULL_SWEEP_EVERY;
  }

  /** The folder was listed after `st` was taken. */
  listed(st: Stats | null): void {
    this.mtimeMs = st ? st.mtimeMs : null;
    this.listedAt = Date.now();
    this.quiet = 0;
  }
}
