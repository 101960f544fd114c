import type { ClientContext } from './clientContext';
import { CloudError } from './cloudError';
import { resolveAgainstHost } from './hosts';
import { urlsSchema } from './wire';

/** Storage refuses an expired (about 5 min) or otherwise stale presigned URL with 403. */
function isStale(e: unknown): boolean {
  return e instanceof CloudError && e.kind === 'http' && (e.status === 403 || (e.status === 400 && /expire/i.test(e.serverMessage ?? '')));
}

/**
 * Downloads through a presigned URL: relative URLs (self-hosted, issue #1267) are resolved
 * against the host; a stale URL is presigned again once.
 */
export async function downloadPresigned(ctx: ClientContext, presign: () => Promise<string>): Promise<Buffer> {
  const fetchOnce = async () => ctx.api.download(resolveAgainstHost(ctx.api.host, await presign()));
  try {
    return await fetchOnce();
  } catch (e) {
    if (!isStale(e)) throw e;
    return fetchOnce();
  }
}

function single(urls: string[], what: string): string {
  if (!urls[0]) throw new Error(`the server presigned no URL for ${what}`);
  return urls[0];
}

/** `/files/presigned/get` for one object key (CSV and log exports). */
export async function presignFile(ctx: ClientContext, cosKey: string): Promise<string> {
  const res = await ctx.api.call('POST', '/files/presigned/get', urlsSchema, { body: { paths: [cosKey] } });
  return single(res.urls, cosKey);
}

/** `/resources/presigned/get` for one media path of a run (`prefix` = `<projectId>/<cuid>`). */
export async function presignResource(ctx: ClientContext, prefix: string, path: string): Promise<string> {
  const res = await ctx.api.call('POST', '/resources/presigned/get', urlsSchema, { body: { prefix, paths: [path] } });
  return single(res.urls, path);
}
