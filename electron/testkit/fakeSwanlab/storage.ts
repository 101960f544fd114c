import { createHmac, randomBytes } from 'node:crypto';
import type * as http from 'node:http';
import type { Faults } from './faults';

const BUCKET = '/swanlab-private/';

function s3Error(res: http.ServerResponse, status: number, code: string, message: string): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(body);
}

/**
 * MinIO-like object storage behind presigned GET URLs: signed, expiring after `ttlMs`
 * (X-Amz-Expires=300 in the wild), 403 when expired or tampered with.
 */
export class FakeStorage {
  /** Set once the server that serves the bucket listens. */
  origin = '';
  private readonly secret = randomBytes(16).toString('hex');

  constructor(
    readonly objects: Map<string, Buffer>,
    private readonly faults: Faults,
    private readonly now: () => number,
    private readonly ttlMs = 300_000,
  ) {}

  put(key: string, body: Buffer): void {
    this.objects.set(key, body);
  }

  presign(key: string): string {
    const date = String(this.now());
    const expires = String(Math.round(this.ttlMs / 1000));
    const q = new URLSearchParams({ 'X-Amz-Date': date, 'X-Amz-Expires': expires, 'X-Amz-Signature': this.sign(key, date, expires) });
    const path = BUCKET + key.split('/').map(encodeURIComponent).join('/');
    return `${this.faults.relativePresignedUrls ? '' : this.origin}${path}?${q}`;
  }

  private sign(key: string, date: string, expires: string): string {
    return createHmac('sha256', this.secret).update(`${key}\n${date}\n${expires}`).digest('hex');
  }

  /** Answers GET /swanlab-private/...; false for other paths. */
  handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL): boolean {
    if (!url.pathname.startsWith(BUCKET)) return false;
    const key = url.pathname.slice(BUCKET.length).split('/').map(decodeURIComponent).join('/');
    const date = url.searchParams.get('X-Amz-Date') ?? '';
    const expires = url.searchParams.get('X-Amz-Expires') ?? '';
    if (req.method !== 'GET') s3Error(res, 405, 'MethodNotAllowed', 'The specified method is not allowed');
    else if (url.searchParams.get('X-Amz-Signature') !== this.sign(key, date, expires)) s3Error(res, 403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match');
    else if (this.faults.expiredDownloads > 0 || this.now() > Number(date) + Number(expires) * 1000) {
      if (this.faults.expiredDownloads > 0) this.faults.expiredDownloads--;
      s3Error(res, 403, 'AccessDenied', 'Request has expired');
    } else {
      const body = this.objects.get(key);
      if (!body) s3Error(res, 404, 'NoSuchKey', 'The specified key does not exist.');
      else {
        res.writeHead(200, { 'content-type': key.endsWith('.csv') ? 'text/csv' : 'application/octet-stream', 'content-length': body.length });
        res.end(body);
      }
    }
    return true;
  }
}
