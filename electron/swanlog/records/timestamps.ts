/** Time conversions shared by both payload generations. */
import { parseIsoMs } from '../../../shared/time';

/** ms since epoch with sub-ms precision as a fraction. */
export function msFromTimestamp(seconds: number, nanos: number): number {
  return seconds * 1000 + nanos / 1e6;
}

/**
 * Like Python's `datetime.isoformat()` of a UTC datetime: microseconds (truncated, as the
 * protobuf Python runtime does), `+00:00`, no fraction when it is zero. Null if out of range.
 */
export function isoFromTimestamp(seconds: number, nanos: number): string | null {
  const wholeMs = Math.floor(seconds) * 1000;
  const date = new Date(wholeMs);
  if (!Number.isFinite(date.getTime()) || !Number.isFinite(nanos)) return null;
  let micros = Math.trunc(nanos / 1000);
  let base = date;
  if (micros < 0 || micros >= 1_000_000) {
    const carrySeconds = Math.floor(micros / 1_000_000);
    micros -= carrySeconds * 1_000_000;
    base = new Date(wholeMs + carrySeconds * 1000);
    if (!Number.isFinite(base.getTime())) return null;
  }
  const head = base.toISOString().slice(0, -5); // drop ".sssZ"
  return micros ? `${head}.${String(micros).padStart(6, '0')}+00:00` : `${head}+00:00`;
}

/** ms since epoch (sub-ms kept) of an ISO-8601 string from a JSON record; NaN if it is not one. */
export function msFromIso(text: unknown): number {
  return typeof text === 'string' ? parseIsoMs(text) : NaN;
}
