import { createReadStream, promises as fs } from 'node:fs';
import type * as http from 'node:http';
import * as path from 'node:path';
import { contentTypeOf } from './mediaTypes';

/** Same policy as the Electron window: nothing but our own scripts, styles and data. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
  "media-src 'self' blob:", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'none'",
].join('; ');

/** Serves the built renderer (index.html for `/`); false when the path is not one of its files. */
export async function serveStatic(root: string, url: URL, res: http.ServerResponse): Promise<boolean> {
  const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
  const full = path.resolve(root, rel);
  if (!full.startsWith(path.resolve(root) + path.sep)) return false;
  const st = await fs.stat(full).catch(() => null);
  if (!st?.isFile()) return false;
  res.writeHead(200, {
    'content-type': contentTypeOf(full),
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': rel === 'index.html' ? 'no-store' : 'public, max-age=31536000, immutable',
  });
  createReadStream(full).pipe(res);
  return true;
}
