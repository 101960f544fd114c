import type { CloudRunRow } from '../../../shared/contract';
import type { RunStatus } from '../../../shared/domain';

/** A config value as the table shows it. */
export type ConfigValue = CloudRunRow['config'][string];

/** Columns the runs table sorts by: the fixed ones, or `config:<dotted key>`. */
export type SortColumn = 'state' | 'name' | 'created' | `config:${string}`;

export interface RunsSort {
  column: SortColumn;
  dir: 'asc' | 'desc';
}

export interface RunsFilter {
  /** States shown; empty: every state. */
  states: RunStatus[];
  /** Case-insensitive substring of the run name. */
  name: string;
  /** Config key the value filter looks at; empty: any key. */
  configKey: string;
  /** Case-insensitive substring of the config value (as shown); empty: no config filter. */
  configValue: string;
}

export const NO_FILTER: RunsFilter = { states: [], name: '', configKey: '', configValue: '' };
export const DEFAULT_SORT: RunsSort = { column: 'created', dir: 'desc' };
/** How many config columns are shown when the user has not chosen. */
export const AUTO_COLUMNS = 6;

const STATE_ORDER: Record<RunStatus, number> = { running: 0, crashed: 1, killed: 2, aborted: 3, finished: 4 };

/** Every config key of the rows, sorted. */
export function allConfigKeys(rows: CloudRunRow[]): string[] {
  const keys = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r.config)) keys.add(k);
  return [...keys].sort((a, b) => a.localeCompare(b));
}

/** Config keys whose value is not the same in every row (a missing value counts as different). */
export function differingConfigKeys(rows: CloudRunRow[]): string[] {
  return allConfigKeys(rows).filter((key) => {
    const first = valueKey(rows[0]?.config[key]);
    return rows.some((r) => valueKey(r.config[key]) !== first);
  });
}

/** The config columns shown: the chosen ones that still exist, else the first differing keys. */
export function shownConfigColumns(rows: CloudRunRow[], chosen: string[] | null): string[] {
  if (chosen) {
    const present = new Set(allConfigKeys(rows));
    return chosen.filter((k) => present.has(k));
  }
  return differingConfigKeys(rows).slice(0, AUTO_COLUMNS);
}

function valueKey(v: ConfigValue | undefined): string {
  return v === undefined ? '\u0000missing' : JSON.stringify(v);
}

export function formatConfigValue(v: ConfigValue | undefined): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return Number.isInteger(v) || Math.abs(v) >= 1e-3 ? String(v) : v.toPrecision(3);
  return String(v);
}

export function filterRows(rows: CloudRunRow[], f: RunsFilter): CloudRunRow[] {
  const name = f.name.trim().toLowerCase();
  const value = f.configValue.trim().toLowerCase();
  const states = new Set(f.states);
  return rows.filter((r) => {
    if (states.size && !states.has(r.status)) return false;
    if (name && !r.name.toLowerCase().includes(name)) return false;
    if (value) {
      const values = f.configKey ? [r.config[f.configKey]] : Object.values(r.config);
      if (!values.some((v) => v !== undefined && v !== null && formatConfigValue(v).toLowerCase().includes(value))) return false;
    }
    return true;
  });
}

type Cell = string | number | boolean | null;

function cellOf(r: CloudRunRow, column: SortColumn): Cell {
  if (column === 'state') return STATE_ORDER[r.status] ?? 9;
  if (column === 'name') return r.name;
  if (column === 'created') {
    const ms = r.createdAt ? Date.parse(r.createdAt) : NaN;
    return Number.isNaN(ms) ? null : ms;
  }
  return r.config[column.slice('config:'.length)] ?? null;
}

/** Numbers before booleans before text; a missing value sorts last whichever the direction. */
function compareCells(a: Cell, b: Cell): number {
  const rank = (v: Cell) => (typeof v === 'number' ? 0 : typeof v === 'boolean' ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: 'base' });
}

/** A stable sort by one column; ties keep the name order. */
export function sortRows(rows: CloudRunRow[], sort: RunsSort): CloudRunRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return rows
    .map((r) => ({ r, cell: cellOf(r, sort.column) }))
    .sort((x, y) => {
      if (x.cell === null || y.cell === null) {
        if (x.cell !== y.cell) return x.cell === null ? 1 : -1;
      } else {
        const c = compareCells(x.cell, y.cell);
        if (c !== 0) return sign * c;
      }
      return x.r.name.localeCompare(y.r.name, undefined, { numeric: true });
    })
    .map((x) => x.r);
}

/** Clicking a header: the same column flips direction, another starts ascending (created: newest first). */
export function nextSort(current: RunsSort, column: SortColumn): RunsSort {
  if (current.column === column) return { column, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { column, dir: column === 'created' ? 'desc' : 'asc' };
}

/** Per state, how many rows have it (for the filter chips). */
export function stateCounts(rows: CloudRunRow[]): Map<RunStatus, number> {
  const out = new Map<RunStatus, number>();
  for (const r of rows) out.set(r.status, (out.get(r.status) ?? 0) + 1);
  return out;
}
