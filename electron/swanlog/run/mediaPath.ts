import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { MediaPoint } from '../../../shared/domain';

const PLACEHOLDER_MAX = 512;
const LINK_TEXT = /^\.\.\/[A-Za-z0-9_-]+\/[^/\\\n]+$/;

/**
 * The real file behind a media entry. SDK 0.8+ local mode writes `media/<folder>/<file>` as a
 * relative symlink to `../<type>/<file>`; a copy that did not keep symlinks (zip, git without
 * symlink support, some network shares) turns it into a small text file holding that target.
 * Both are followed, but never outside the run's media folder.
 */
export async function resolveMediaFile(runDir: string, relative: string): Promise<string | null> {
  const mediaRoot = path.join(runDir, 'media') + path.sep;
  const full = path.resolve(runDir, relative);
  if (!full.startsWith(mediaRoot)) return null;
  const real = await fs.realpath(full).catch(() => null);
  if (!real) return null;
  const realRoot = await fs.realpath(mediaRoot).catch(() => mediaRoot);
  if (!real.startsWith(realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep)) return null;
  const st = await fs.stat(real);
  if (!st.isFile()) return null;
  if (st.size <= PLACEHOLDER_MAX) {
    const text = (await fs.readFile(real, 'utf8')).trim();
    if (LINK_TEXT.test(text)) {
      const target = path.resolve(path.dirname(full), text);
      if (target.startsWith(mediaRoot) && (await fs.stat(target).catch(() => null))?.isFile()) return target;
    }
  }
  return real;
}

/** The file behind media item `name` (a file's base name) among `lists`, only if one of them recorded it. */
export async function recordedMediaFile(runDir: string, lists: MediaPoint[][], name: string): Promise<string | null> {
  for (const list of lists) {
    for (const p of list) {
      for (const it of p.items) {
        if (!it.file || path.basename(it.file) !== name) continue;
        const real = await resolveMediaFile(runDir, it.file);
        if (real) return real;
      }
    }
  }
  return null;
}
