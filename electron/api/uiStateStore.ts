import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { uiStateSchema, type UiState } from '../../shared/contract';
import { EMPTY_UI_STATE } from '../../shared/uiState';

const MAX_RECENT = 10;

interface StoreFile {
  folders: Record<string, UiState>;
  recent: string[];
}

/** Per-folder UI state and the recent-folders list, one JSON file in the user-data dir. */
export class UiStateStore {
  private cache: StoreFile | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly file: string) {}

  private async load(): Promise<StoreFile> {
    if (this.cache) return this.cache;
    const text = await fs.readFile(this.file, 'utf8').catch(() => null);
    let parsed: StoreFile = { folders: {}, recent: [] };
    if (text) {
      try {
        const raw = JSON.parse(text) as Partial<StoreFile>;
        for (const [k, v] of Object.entries(raw.folders ?? {})) {
          const ok = uiStateSchema.safeParse(v);
          if (ok.success) parsed.folders[k] = ok.data;
        }
        parsed.recent = Array.isArray(raw.recent) ? raw.recent.filter((r): r is string => typeof r === 'string') : [];
      } catch {
        parsed = { folders: {}, recent: [] }; // a damaged state file only loses UI preferences
      }
    }
    this.cache = parsed;
    return parsed;
  }

  private save(): Promise<void> {
    const data = JSON.stringify(this.cache, null, 1);
    this.writing = this.writing.then(async () => {
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      await fs.writeFile(tmp, data, { mode: 0o600 });
      await fs.rename(tmp, this.file);
    });
    return this.writing;
  }

  async get(folderKey: string): Promise<UiState> {
    return (await this.load()).folders[folderKey] ?? EMPTY_UI_STATE;
  }

  async set(folderKey: string, state: UiState): Promise<UiState> {
    (await this.load()).folders[folderKey] = state;
    await this.save();
    return state;
  }

  async recent(): Promise<string[]> {
    return [...(await this.load()).recent];
  }

  async addRecent(folder: string): Promise<void> {
    const s = await this.load();
    s.recent = [folder, ...s.recent.filter((r) => r !== folder)].slice(0, MAX_RECENT);
    await this.save();
  }
}
