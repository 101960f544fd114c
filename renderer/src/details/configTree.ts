/** The run config (nested objects and arrays) as rows of a collapsible, searchable tree. */
import { normalizeTerm } from './textMatch';

export interface ConfigRow {
  /** Unique path of the node, keys joined by NUL (keys may contain dots). */
  id: string;
  /** Ids of the ancestors, outermost first. */
  ancestors: string[];
  key: string;
  depth: number;
  /** Formatted value for leaves; null for branches. */
  value: string | null;
  /** Children count for branches, 0 for leaves. */
  childCount: number;
}

const SEP = '\u0000';

function isScalar(v: unknown): boolean {
  return v === null || typeof v !== 'object';
}

/** A leaf value as shown: strings raw, scalars as JSON, short scalar arrays inline. */
export function formatLeaf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : String(v);
  if (v === undefined) return '';
  if (Array.isArray(v)) return `[${v.map((x) => (typeof x === 'string' ? JSON.stringify(x) : formatLeaf(x))).join(', ')}]`;
  if (v !== null && typeof v === 'object') return '{}';
  return String(v);
}

/** Arrays of scalars and empty containers are shown as one leaf. */
function isLeaf(v: unknown): boolean {
  if (isScalar(v)) return true;
  if (Array.isArray(v)) return v.every(isScalar);
  return Object.keys(v as object).length === 0;
}

function children(v: unknown): [string, unknown][] {
  return Array.isArray(v) ? v.map((x, i) => [`[${i}]`, x]) : Object.entries(v as object);
}

/** Every node of the config, depth first, in the config's own key order. */
export function flattenConfig(config: Record<string, unknown>): ConfigRow[] {
  const rows: ConfigRow[] = [];
  const walk = (entries: [string, unknown][], ancestors: string[], parentId: string) => {
    for (const [key, value] of entries) {
      const id = parentId ? parentId + SEP + key : key;
      if (isLeaf(value)) {
        rows.push({ id, ancestors, key, depth: ancestors.length, value: formatLeaf(value), childCount: 0 });
      } else {
        const kids = children(value);
        rows.push({ id, ancestors, key, depth: ancestors.length, value: null, childCount: kids.length });
        walk(kids, [...ancestors, id], id);
      }
    }
  };
  walk(Object.entries(config), [], '');
  return rows;
}

export function rowMatches(row: ConfigRow, term: string): boolean {
  const needle = normalizeTerm(term);
  return !!needle && (row.key.toLowerCase().includes(needle) || (row.value ?? '').toLowerCase().includes(needle));
}

export interface ConfigView {
  rows: ConfigRow[];
  matchCount: number;
}

/**
 * Rows to show. Without a search term: every row whose ancestors are all expanded. With a term:
 * the matching rows and their ancestors (whatever is collapsed), plus everything under a
 * matching branch.
 */
export function visibleConfigRows(all: readonly ConfigRow[], collapsed: ReadonlySet<string>, term: string): ConfigView {
  if (!normalizeTerm(term)) {
    return { rows: all.filter((r) => r.ancestors.every((a) => !collapsed.has(a))), matchCount: 0 };
  }
  const matched = new Set<string>();
  const keep = new Set<string>();
  for (const r of all) {
    const underMatch = r.ancestors.some((a) => matched.has(a));
    if (rowMatches(r, term)) {
      matched.add(r.id);
      keep.add(r.id);
      for (const a of r.ancestors) keep.add(a);
    } else if (underMatch) {
      keep.add(r.id);
    }
  }
  return { rows: all.filter((r) => keep.has(r.id)), matchCount: matched.size };
}

/** Ids of every branch (for "collapse all"). */
export function branchIds(all: readonly ConfigRow[]): string[] {
  return all.filter((r) => r.value === null).map((r) => r.id);
}
