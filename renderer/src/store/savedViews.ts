import type { CloudProjectView, RequestOf } from '../../../shared/contract';
import { RUN_STATUSES } from '../../../shared/domain';
import type { RunsFilter, RunsSort } from '../accounts/runsTable';
import { newBrowse, type AccountBrowse, type ProjectSort } from './accountsStore';
import { readLocal, writeLocal } from './localStore';
import { accountIdOfView, FOLDER_VIEW, type ViewKey } from './viewStore';

/**
 * The account views, kept across a page reload (and an app restart): which view was in front,
 * and per account where it was browsed to and which runs were opened as charts. Names, ids and
 * choices only — the renderer never holds an API key, and nothing here comes from one.
 */
export interface SavedViews {
  active: ViewKey;
  accounts: Record<string, SavedBrowse>;
}

const SAVED_FIELDS = [
  'workspace', 'project', 'projectView', 'projectSearch', 'projectSort', 'projectPage',
  'filter', 'sort', 'columns', 'selected', 'mode', 'opened',
] as const satisfies readonly (keyof AccountBrowse)[];

export type SavedBrowse = Pick<AccountBrowse, (typeof SAVED_FIELDS)[number]>;

const STORAGE_KEY = 'swanview.views';

export function savedBrowseOf(b: AccountBrowse): SavedBrowse {
  return Object.fromEntries(SAVED_FIELDS.map((f) => [f, b[f]])) as SavedBrowse;
}

export function serializeViews(views: SavedViews): string {
  return JSON.stringify({ version: 1, ...views });
}

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: Json): v is string => typeof v === 'string';
const isStringOrNull = (v: Json): v is string | null => v === null || typeof v === 'string';
const isStrings = (v: Json): v is string[] => Array.isArray(v) && v.every(isString);
const oneOf = <T extends string>(values: readonly T[]) => (v: Json): v is T => values.includes(v as T);

const PROJECT_SORTS: readonly ProjectSort[] = ['updated', 'created', 'name'];

const isFilter = (v: Json): v is RunsFilter =>
  isObject(v) && Array.isArray(v.states) && v.states.every(oneOf(RUN_STATUSES)) && isString(v.name) && isString(v.configKey) && isString(v.configValue);
const isSort = (v: Json): v is RunsSort =>
  isObject(v) && isString(v.column) && /^(state|name|created|config:.*)$/s.test(v.column) && oneOf(['asc', 'desc'])(v.dir);
const isProjectView = (v: Json): v is CloudProjectView =>
  isObject(v) && isString(v.workspace) && isString(v.name) && isString(v.webUrl) && isStringOrNull(v.description)
  && (v.runCount === null || typeof v.runCount === 'number') && isStringOrNull(v.createdAt) && isStringOrNull(v.updatedAt);
const isOpenRequest = (v: Json): v is RequestOf<'cloud.open'> =>
  isObject(v) && isString(v.accountId) && isString(v.workspace) && isString(v.project) && isStrings(v.runIds) && v.runIds.length > 0;
const isOpened = (v: Json): v is NonNullable<AccountBrowse['opened']> => isObject(v) && isOpenRequest(v.request) && isStringOrNull(v.sourceId);

const CHECKS: { [F in keyof SavedBrowse]: (v: Json) => v is SavedBrowse[F] } = {
  workspace: isStringOrNull,
  project: isStringOrNull,
  projectView: (v): v is CloudProjectView | null => v === null || isProjectView(v),
  projectSearch: isString,
  projectSort: oneOf(PROJECT_SORTS),
  projectPage: (v): v is number => Number.isInteger(v) && (v as number) >= 1,
  filter: isFilter,
  sort: isSort,
  columns: (v): v is string[] | null => v === null || isStrings(v),
  selected: isStrings,
  mode: oneOf(['browse', 'charts'] as const),
  opened: (v): v is AccountBrowse['opened'] => v === null || isOpened(v),
};

/** A saved account view: each field as saved where it reads right, else as a first visit has it. */
function parseBrowse(accountId: string, v: Json): SavedBrowse | null {
  if (!isObject(v)) return null;
  const fresh = savedBrowseOf(newBrowse());
  const b = Object.fromEntries(SAVED_FIELDS.map((f) => [f, CHECKS[f](v[f]) ? v[f] : fresh[f]])) as SavedBrowse;
  // charts of another account's runs are never reopened under this one
  if (b.opened && b.opened.request.accountId !== accountId) b.opened = null;
  if (b.mode === 'charts' && (!b.opened || !b.project)) b.mode = 'browse';
  return b;
}

/** What serializeViews wrote, read back; null for anything else (none saved, another version, damaged). */
export function parseSavedViews(text: string | null): SavedViews | null {
  if (!text) return null;
  let v: Json;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(v) || v.version !== 1 || !isObject(v.accounts)) return null;
  const accounts: Record<string, SavedBrowse> = {};
  for (const [id, b] of Object.entries(v.accounts)) {
    const parsed = parseBrowse(id, b);
    if (parsed) accounts[id] = parsed;
  }
  const active = isString(v.active) && accountIdOfView(v.active) ? v.active : FOLDER_VIEW;
  return { active, accounts };
}

export function loadSavedViews(): SavedViews | null {
  return parseSavedViews(readLocal(STORAGE_KEY));
}

/** Keeps `text` (from serializeViews) for the next load. */
export function writeSavedViews(text: string): void {
  writeLocal(STORAGE_KEY, text);
}
