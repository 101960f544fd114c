import { promises as fs } from 'node:fs';
import type { RunSource } from '../api/source';
import { contentTypeOf } from '../serve/mediaTypes';

/** The privileged scheme the desktop window loads recorded media from (see renderer/index.html CSP). */
export const MEDIA_SCHEME = 'swanview-media';
const HOST = 'media';

export interface MediaRef {
  source: string;
  runId: string;
  key: string;
  file: string;
}

/** `mediaUrl` of the desktop ApiHost: names a recorded file by source, run, key and file name only. */
export function mediaProtocolUrl(source: string, runId: string, key: string, file: string): string {
  return `${MEDIA_SCHEME}://${HOST}/?${new URLSearchParams({ source, run: runId, key, file })}`;
}

export function parseMediaUrl(url: string): MediaRef | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${MEDIA_SCHEME}:` || u.hostname !== HOST || u.pathname !== '/') return null;
  const source = u.searchParams.get('source');
  const runId = u.searchParams.get('run');
  const key = u.searchParams.get('key');
  const file = u.searchParams.get('file');
  return source && runId && key && file ? { source, runId, key, file } : null;
}

/** Media files are inert data: never a document that could run script or be sniffed as one. */
const MEDIA_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; sandbox",
  'cache-control': 'private, max-age=3600',
};

/**
 * The `protocol.handle` handler: answers only for files the open run really recorded
 * (`RunSource.mediaFile` resolves the name against the run's own media list), 404 otherwise.
 */
export function createMediaHandler(sourceOf: (id: string) => Pick<RunSource, 'mediaFile'> | null): (req: Request) => Promise<Response> {
  return async (req) => {
    const ref = req.method === 'GET' ? parseMediaUrl(req.url) : null;
    const file = ref ? await sourceOf(ref.source)?.mediaFile(ref.runId, ref.key, ref.file).catch(() => null) : null;
    const bytes = file ? await fs.readFile(file).catch(() => null) : null;
    if (!file || !bytes) return new Response('no such media file', { status: 404, headers: MEDIA_HEADERS });
    return new Response(new Uint8Array(bytes), { status: 200, headers: { ...MEDIA_HEADERS, 'content-type': contentTypeOf(file) } });
  };
}
