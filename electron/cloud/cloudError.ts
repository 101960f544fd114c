/** What went wrong talking to a SwanLab host. */
export type CloudErrorKind = 'http' | 'timeout' | 'network' | 'auth' | 'protocol';

export interface CloudErrorDetails {
  kind: CloudErrorKind;
  /** Origin of the server that answered (or did not). */
  host: string;
  method: string;
  /** Path without query: presigned URLs carry signatures in their query. */
  path: string;
  status?: number | null;
  /** HTTP reason phrase (`Authorization Required`, `Disabled Resource`, ...). */
  reason?: string | null;
  /** The body's `code` (`STS_Error`, ...). */
  code?: string | null;
  serverMessage?: string | null;
  traceId?: string | null;
  /** What the caller should know beyond the facts above. */
  hint?: string | null;
}

/**
 * Names the host, the request, the status and the server's TraceId. It is built only from
 * redacted text and keeps no request headers, so it can be logged and shown as is.
 */
export class CloudError extends Error {
  readonly kind: CloudErrorKind;
  readonly host: string;
  readonly method: string;
  readonly path: string;
  readonly status: number | null;
  readonly reason: string | null;
  readonly code: string | null;
  readonly serverMessage: string | null;
  readonly traceId: string | null;

  constructor(d: CloudErrorDetails) {
    super(describe(d));
    this.name = 'CloudError';
    this.kind = d.kind;
    this.host = d.host;
    this.method = d.method;
    this.path = d.path;
    this.status = d.status ?? null;
    this.reason = d.reason ?? null;
    this.code = d.code ?? null;
    this.serverMessage = d.serverMessage ?? null;
    this.traceId = d.traceId ?? null;
  }
}

function describe(d: CloudErrorDetails): string {
  const what = d.kind === 'timeout' ? 'timed out'
    : d.kind === 'network' ? 'could not connect'
    : `answered ${[d.status, d.reason].filter((x) => x !== null && x !== undefined && x !== '').join(' ')}`;
  const server = [d.code, d.serverMessage].filter(Boolean).join(': ');
  return `SwanLab ${d.host}: ${d.method} ${d.path} ${what}`
    + (server ? ` (${server})` : '')
    + (d.hint ? `: ${d.hint}` : '')
    + (d.traceId ? ` [TraceId ${d.traceId}]` : '');
}

/** Replaces every secret (API key, session id) in `text`; the last line of defence for messages. */
export function redact(text: string, secrets: readonly (string | null | undefined)[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join('***');
  return out;
}
