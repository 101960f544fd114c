const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * ISO-8601 → ms since epoch with sub-ms precision kept as a fraction (the SDK writes
 * microseconds). A time without offset is read as UTC. NaN when unparsable.
 */
export function parseIsoMs(text: string): number {
  const m = ISO.exec(text.trim());
  if (!m) return Number.NaN;
  const base = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  const frac = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  let offsetMin = 0;
  if (m[8] && m[8] !== 'Z') {
    const sign = m[8][0] === '-' ? -1 : 1;
    const digits = m[8].slice(1).replace(':', '');
    offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  }
  return base + frac - offsetMin * 60_000;
}

/** ms since epoch → UTC ISO string as Python's `datetime.isoformat()` writes it (µs, `+00:00`). */
export function formatIsoUtc(ms: number): string {
  const totalUs = Math.round(ms * 1000);
  const wholeMs = Math.floor(totalUs / 1_000_000) * 1000;
  const us = totalUs - wholeMs * 1000;
  const base = new Date(wholeMs).toISOString().slice(0, 19);
  return `${base}${us ? '.' + String(us).padStart(6, '0') : ''}+00:00`;
}
