/** One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? v : typeof v === 'number' ? numberText(v) : JSON.stringify(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Numbers at full precision; NaN and infinities spelled out (CSV has no null for them). */
export function numberText(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  return String(v);
}

export function csvRow(values: unknown[]): string {
  return values.map(csvField).join(',') + '\n';
}
