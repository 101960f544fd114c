/**
 * Numbers as the server spells them: JSON numbers, or strings "NaN", "INF", "-INF" (also in
 * CSV text). `Number("INF")` is NaN in JS, so the spellings are mapped explicitly (doc §7.5).
 */
export function serverNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return Number.NaN;
  const t = v.trim();
  switch (t.toLowerCase()) {
    case 'inf': case '+inf': case 'infinity': case '+infinity': return Infinity;
    case '-inf': case '-infinity': return -Infinity;
    case 'nan': case '-nan': case '': return Number.NaN;
    default: return Number(t);
  }
}

/** A point's timestamp in ms: the unit is not confirmed for JSON points, so ≥1e12 is ms, else s (doc §13.4). */
export function timestampMs(v: unknown): number {
  const n = serverNumber(v);
  if (!Number.isFinite(n)) return Number.NaN;
  return Math.abs(n) >= 1e12 ? n : n * 1000;
}
