/** One injected answer instead of the real one. */
export interface FaultAnswer {
  status: number;
  reason?: string;
  retryAfter?: string;
  /** Raw body; default a JSON `{code, message}`. */
  body?: string;
}

interface Rule {
  match: RegExp;
  /** Injected answers, one per matching request; `hang` = never answer. */
  answers: (FaultAnswer | 'hang')[];
}

/**
 * Switchable misbehaviour of a fake server, per test: queued error answers and hangs for
 * requests whose `METHOD /path` (below /api) matches, expired sessions and presigned URLs,
 * relative presigned URLs, an old server without the house endpoints, and echoing the
 * caller's credentials in error bodies (to prove the client redacts them).
 */
export class Faults {
  private rules: Rule[] = [];
  /** The next n presigned downloads answer 403 "Request has expired". */
  expiredDownloads = 0;
  /** Presigned URLs are sent as `/swanlab-private/...` (private host only). */
  relativePresignedUrls = false;
  /** An old private server: no house key listing, scalar export or /files/presigned/get; the new summaries body rejected. */
  legacy = false;
  echoCredentials = false;
  /** Largest page of the house key listing, whatever `limit` the client sends (exercises the cursor loop). */
  keyPageLimit = Infinity;

  /** The next matching requests get `answers`, in order, then the real answers again. */
  fail(match: RegExp | string, ...answers: FaultAnswer[]): void {
    this.rules.push({ match: toRegExp(match), answers: [...answers] });
  }

  /** The next `times` matching requests never get an answer. */
  hang(match: RegExp | string, times = 1): void {
    this.rules.push({ match: toRegExp(match), answers: Array.from({ length: times }, () => 'hang' as const) });
  }

  /** The injected answer for `METHOD /path`, consuming it; null when none is queued. */
  take(request: string): FaultAnswer | 'hang' | null {
    for (const rule of this.rules) {
      if (rule.answers.length && rule.match.test(request)) return rule.answers.shift()!;
    }
    return null;
  }

  clear(): void {
    this.rules = [];
    this.expiredDownloads = 0;
    this.relativePresignedUrls = false;
    this.legacy = false;
    this.echoCredentials = false;
    this.keyPageLimit = Infinity;
  }
}

function toRegExp(m: RegExp | string): RegExp {
  return typeof m === 'string' ? new RegExp(m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : m;
}
