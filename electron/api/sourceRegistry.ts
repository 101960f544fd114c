import type { ChangeEvent } from '../../shared/contract';
import { NotFoundError, type RunSource } from './source';

/** The open local folder: fixed in serve mode, switchable in the desktop app (shell/currentSource.ts). */
export interface FolderSlot {
  get(): RunSource | null;
  /** Change events of whichever folder is open, across switches. */
  onChange(listener: (e: ChangeEvent) => void): () => void;
}

/** Cloud projects kept open at once; the least recently used one is closed beyond this. */
const MAX_OPENED = 8;

/**
 * Every source the UI can name by id: the open folder and the cloud projects opened since.
 * Requests carry the id, so several views (tabs, accounts) never step on each other, and the
 * change feed is one stream of events that each name their source.
 */
export class SourceRegistry {
  private readonly opened = new Map<string, { source: RunSource; off: () => void }>();
  private readonly listeners = new Set<(e: ChangeEvent) => void>();

  constructor(private readonly folderSlot: FolderSlot) {
    folderSlot.onChange((e) => this.emit(e));
  }

  folder(): RunSource | null {
    return this.folderSlot.get();
  }

  /** The source `id` names; throws 404 for an id that is not open (closed, or never was). */
  get(id: string): RunSource {
    const folder = this.folderSlot.get();
    if (folder?.id === id) return folder;
    const entry = this.opened.get(id);
    if (!entry) throw new NotFoundError(`source ${id} is not open (open the folder or project again)`);
    this.opened.delete(id); // most recently used last
    this.opened.set(id, entry);
    return entry.source;
  }

  /**
   * Keeps `source` open under its id (replacing and closing an older one with the same id).
   * Adding the source already kept (a project opened again with other runs) only marks it used.
   */
  add(source: RunSource): RunSource {
    const kept = this.opened.get(source.id);
    if (kept?.source === source) {
      this.opened.delete(source.id);
      this.opened.set(source.id, kept);
      return source;
    }
    this.remove(source.id);
    this.opened.set(source.id, { source, off: source.onChange((e) => this.emit(e)) });
    for (const id of [...this.opened.keys()].slice(0, Math.max(0, this.opened.size - MAX_OPENED))) this.remove(id);
    return source;
  }

  /** The open source `id` names, or null (no error, no reordering). */
  find(id: string): RunSource | null {
    const folder = this.folderSlot.get();
    return folder?.id === id ? folder : this.opened.get(id)?.source ?? null;
  }

  remove(id: string): void {
    const entry = this.opened.get(id);
    if (!entry) return;
    this.opened.delete(id);
    entry.off();
    entry.source.close();
  }

  onChange(listener: (e: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: ChangeEvent): void {
    for (const l of this.listeners) l(e);
  }

  close(): void {
    for (const id of [...this.opened.keys()]) this.remove(id);
    this.listeners.clear();
  }
}
