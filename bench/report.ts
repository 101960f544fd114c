/** The figures as a console table and as Markdown, optionally next to an earlier run. */
import type { Figure } from './targets';

function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 1e6) return v.toExponential(2);
  if (a >= 100) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

function margin(f: Figure): string {
  return f.margin === null ? '' : `${fmt(f.margin)}×`;
}

function columns(f: Figure, before: Map<string, Figure> | null): string[] {
  const row = [f.label, f.dataset];
  if (before) row.push(before.has(f.id) ? `${fmt(before.get(f.id)!.value)} ${f.unit}` : '—');
  row.push(`${fmt(f.value)} ${f.unit}`, f.target ? `${f.target} ${f.unit}` : '', margin(f), f.verdict === 'info' ? '' : f.verdict);
  return row;
}

function header(before: boolean): string[] {
  return ['figure', 'dataset', ...(before ? ['before'] : []), before ? 'after' : 'value', 'target', 'margin', 'status'];
}

export function consoleTable(figures: Figure[], before: Figure[] | null): string {
  const b = before ? new Map(before.map((f) => [f.id, f])) : null;
  const rows = [header(b !== null), ...figures.map((f) => columns(f, b))];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i >= 2 && i < r.length - 1 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export function markdownTable(figures: Figure[], before: Figure[] | null): string {
  const b = before ? new Map(before.map((f) => [f.id, f])) : null;
  const h = header(b !== null);
  const esc = (c: string) => c.replace(/\|/g, '\\|').replace(/^ +/, '↳ ');
  const lines = [`| ${h.join(' | ')} |`, `|${h.map((_, i) => (i >= 2 && i < h.length - 1 ? '---:' : '---')).join('|')}|`];
  for (const f of figures) lines.push(`| ${columns(f, b).map(esc).join(' | ')} |`);
  const notes = figures.filter((f) => f.note).map((f) => `* ${f.label.trim()} (${f.dataset}): ${f.note}`);
  return [...lines, ...(notes.length ? ['', ...notes] : [])].join('\n');
}

export function verdictLine(figures: Figure[]): string {
  const judged = figures.filter((f) => f.verdict !== 'info');
  const failed = judged.filter((f) => f.verdict === 'FAIL');
  return failed.length === 0
    ? `all ${judged.length} targets PASS`
    : `${judged.length - failed.length}/${judged.length} targets PASS; FAIL: ${failed.map((f) => `${f.label.trim()} (${f.dataset})`).join(', ')}`;
}
