// Reads every swanboard table from an open sql.js database into typed rows, tolerating
// the missing tables/columns of old databases (reported as notes).

import type initSqlJs from 'sql.js';
import { pythonQuote } from './pythonQuote';
import type { RunsDb } from './runsDbTypes';
import {
  CHART_SPEC,
  DISPLAY_SPEC,
  EXPERIMENT_SPEC,
  NAMESPACE_SPEC,
  PROJECT_SPEC,
  SOURCE_SPEC,
  TAG_SPEC,
  type ColumnSpec,
  type TableSpec,
} from './tableSpecs';

type Database = initSqlJs.Database;
type SqlValue = initSqlJs.SqlValue;

const decoder = new TextDecoder();

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function coerce(value: SqlValue | undefined, spec: ColumnSpec): number | string | null {
  if (value === null || value === undefined) return spec.nullable ? null : spec.kind === 'int' ? 0 : '';
  if (spec.kind === 'text') return value instanceof Uint8Array ? decoder.decode(value) : String(value);
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return spec.nullable ? null : 0;
}

/** Lower-cased column names of `table`, or null when the table does not exist. */
function columnsOf(db: Database, table: string): Set<string> | null {
  const result = db.exec(`PRAGMA table_info(${quoteIdent(table)})`);
  if (result.length === 0) return null;
  const nameIndex = result[0].columns.indexOf('name');
  return new Set(result[0].values.map((row) => String(row[nameIndex]).toLowerCase()));
}

function readTable<Row>(db: Database, table: string, spec: TableSpec<Row>, notes: string[]): Row[] {
  const present = columnsOf(db, table);
  if (present === null) {
    notes.push(`table "${table}" is missing`);
    return [];
  }
  const names = Object.keys(spec) as (keyof Row & string)[];
  const missing = names.filter((name) => !present.has(name));
  if (missing.length > 0) notes.push(`table "${table}" lacks column(s) ${missing.join(', ')}`);
  const selected = names.filter((name) => present.has(name)).map(quoteIdent);
  const hasId = present.has('id');
  if (!hasId) selected.unshift('rowid AS "id"');
  const result = db.exec(`SELECT ${selected.join(', ')} FROM ${quoteIdent(table)} ORDER BY ${hasId ? '"id"' : 'rowid'}`);
  if (result.length === 0) return [];

  const { columns, values } = result[0];
  const indexOf = new Map(columns.map((column, i) => [column.toLowerCase(), i]));
  return values.map((raw) => {
    const row: Record<string, number | string | null> = {};
    for (const name of names) {
      const i = indexOf.get(name);
      row[name] = coerce(i === undefined ? null : raw[i], spec[name]);
    }
    return row as Row;
  });
}

export function readTables(db: Database): { db: RunsDb; notes: string[] } {
  const notes: string[] = [];
  const projects = readTable(db, 'project', PROJECT_SPEC, notes);
  if (projects.length > 1) notes.push(`table "project" has ${projects.length} rows; using the first`);
  const tags = readTable(db, 'tag', TAG_SPEC, notes).map((tag) => ({
    ...tag,
    // NULL/absent before swanboard 0.1.2b8, whose migration named folders quote(name, safe='')
    folder: (tag.folder as string | null) ?? pythonQuote(tag.name),
  }));
  return {
    db: {
      project: projects[0] ?? null,
      experiments: readTable(db, 'experiment', EXPERIMENT_SPEC, notes),
      tags,
      charts: readTable(db, 'chart', CHART_SPEC, notes),
      namespaces: readTable(db, 'namespace', NAMESPACE_SPEC, notes),
      displays: readTable(db, 'display', DISPLAY_SPEC, notes),
      sources: readTable(db, 'source', SOURCE_SPEC, notes),
    },
    notes,
  };
}
