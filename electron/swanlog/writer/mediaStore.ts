/**
 * 0.8+ media files: `media/<type>/<step>-<sha256[:8]>.<ext>` (text content in
 * `media/text/<step>-<sha8>.txt`). Shared by the generation A and C writers.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export type MediaKind = 'image' | 'audio' | 'text';

export type MediaItemInput =
  | { data: Uint8Array; ext: string; caption?: string }
  | { text: string; caption?: string };

/** A media value for one key at one step (several items, e.g. a batch of images). */
export interface MediaValue {
  kind: MediaKind;
  items: MediaItemInput[];
}

export interface StoredMediaItem {
  /** File name relative to `media/<kind>/`. */
  filename: string;
  sha256: string;
  size: number;
  caption: string | null;
  /** The text itself for text media (what generation A writes inline), else null. */
  text: string | null;
}

export function isMediaValue(v: unknown): v is MediaValue {
  return typeof v === 'object' && v !== null && 'kind' in v && 'items' in v;
}

/** Writes the item files (once) and describes them. */
export function storeMedia(runDir: string, step: number, value: MediaValue): StoredMediaItem[] {
  const dir = path.join(runDir, 'media', value.kind);
  fs.mkdirSync(dir, { recursive: true });
  return value.items.map((item) => {
    const isText = 'text' in item;
    const bytes = isText ? Buffer.from(item.text, 'utf8') : Buffer.from(item.data);
    const ext = isText ? 'txt' : item.ext.replace(/^\./, '');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const filename = `${step}-${sha256.slice(0, 8)}.${ext}`;
    const file = path.join(dir, filename);
    if (!fs.existsSync(file)) fs.writeFileSync(file, bytes);
    return { filename, sha256, size: bytes.length, caption: item.caption ?? null, text: isText ? item.text : null };
  });
}
