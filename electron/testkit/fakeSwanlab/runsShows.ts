import type { FakeProject, FakeRun } from './model';

export interface ShowsItem {
  key: string;
  type: 'STABLE' | 'CONFIG' | 'SCALAR';
  op?: string;
  value?: unknown[];
  order?: 'ASC' | 'DESC';
}

function unwrap(v: unknown): unknown {
  return v && typeof v === 'object' && 'value' in v ? unwrap((v as { value: unknown }).value) : v;
}

function field(run: FakeRun, item: ShowsItem): unknown {
  if (item.type === 'CONFIG') return unwrap(run.config[item.key]);
  if (item.type === 'SCALAR') {
    const s = run.scalars[item.key];
    return s && s.values.length ? s.values[s.values.length - 1] : null;
  }
  if (item.key === 'user.username') return run.user;
  if (item.key === 'labels') return run.labels;
  return (run as unknown as Record<string, unknown>)[item.key] ?? null;
}

/** Date filter values are naive UTC+8 (Beijing) strings (doc §3). */
function comparable(v: unknown, isDate: boolean): number | string {
  if (isDate && typeof v === 'string') return Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}+08:00`);
  const n = typeof v === 'number' ? v : Number(v);
  return typeof v !== 'boolean' && v !== '' && v !== null && !Number.isNaN(n) ? n : String(v);
}

function test(actual: unknown, op: string, values: unknown[], isDate: boolean): boolean {
  const list = Array.isArray(actual) ? actual : [actual];
  const eq = (a: unknown, b: unknown) => String(a) === String(b);
  switch (op) {
    case 'EQ': return Array.isArray(actual) ? values.every((v) => list.some((a) => eq(a, v))) : eq(actual, values[0]);
    case 'NEQ': return !list.some((a) => eq(a, values[0]));
    case 'IN': return list.some((a) => values.some((v) => eq(a, v)));
    case 'NOT IN': return !list.some((a) => values.some((v) => eq(a, v)));
    case 'CONTAIN': return list.some((a) => String(a).includes(String(values[0])));
    case 'GTE': case 'LTE': {
      const a = comparable(actual, isDate);
      const b = comparable(values[0], isDate);
      return op === 'GTE' ? a >= b : a <= b;
    }
    default: throw new Error(`unknown op ${op}`);
  }
}

function groupKey(v: unknown): string {
  return Array.isArray(v) ? v.map(String).sort().join(', ') : String(v ?? '');
}

type Grouped = unknown[] | { [k: string]: Grouped };

function group(runs: FakeRun[], groups: ShowsItem[], toJson: (r: FakeRun) => unknown): Grouped {
  if (!groups.length) return runs.map(toJson);
  const [first, ...rest] = groups;
  const out: Record<string, FakeRun[]> = {};
  for (const r of runs) (out[groupKey(field(r, first))] ??= []).push(r);
  return Object.fromEntries(Object.entries(out).map(([k, rs]) => [k, group(rs, rest, toJson)]));
}

/**
 * `POST runs/shows`: AND of filters (pinned runs always stay), the requested sorts then
 * `pin DESC, createdAt DESC`, and grouping into nested objects when groups apply (the request's,
 * or the project's saved grouping when the body has none).
 */
export function runsShows(project: FakeProject, body: { filters?: ShowsItem[]; groups?: ShowsItem[]; sorts?: ShowsItem[] }, toJson: (r: FakeRun) => unknown): Grouped {
  const filters = body.filters ?? [];
  const isDate = (k: string) => k.endsWith('At');
  let runs = project.runs.filter((r) => r.pin || filters.every((f) => test(field(r, f), f.op ?? 'EQ', f.value ?? [], isDate(f.key))));
  const sorts = [...(body.sorts ?? []), { key: 'pin', type: 'STABLE', order: 'DESC' }, { key: 'createdAt', type: 'STABLE', order: 'DESC' }] as ShowsItem[];
  runs = [...runs].sort((a, b) => {
    for (const s of sorts) {
      const x = comparable(field(a, s), isDate(s.key));
      const y = comparable(field(b, s), isDate(s.key));
      if (x !== y) return (x < y ? -1 : 1) * (s.order === 'DESC' ? -1 : 1);
    }
    return 0;
  });
  return group(runs, body.groups ?? project.savedGroups, toJson);
}
