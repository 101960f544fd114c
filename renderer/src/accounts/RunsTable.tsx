import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RUN_STATUSES, type RunStatus } from '../../../shared/domain';
import { useApi } from '../api/useApi';
import { formatLocalTime } from '../runs/formatTime';
import { browseOf, useAccountsStore } from '../store/accountsStore';
import { SearchBox } from '../ui/SearchBox';
import { WebLink } from '../ui/WebLink';
import { loadRuns, MAX_OPEN_RUNS, openCharts } from './accountActions';
import { LevelError } from './AccountBanner';
import {
  allConfigKeys, filterRows, formatConfigValue, nextSort, NO_FILTER, shownConfigColumns, sortRows, stateCounts,
  type RunsFilter, type SortColumn,
} from './runsTable';

function SortHeader({ column, label, sort, onSort, className }: {
  column: SortColumn; label: string; sort: { column: SortColumn; dir: 'asc' | 'desc' }; onSort(c: SortColumn): void; className?: string;
}) {
  const active = sort.column === column;
  return (
    <th className={className} aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'} scope="col">
      <button type="button" className="sort-btn" data-testid="runs-sort" data-column={column} onClick={() => onSort(column)} title={label}>
        <span className="sort-label">{label}</span>
        <span className={`sort-mark${active ? ' on' : ''}`} aria-hidden="true">{active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}</span>
      </button>
    </th>
  );
}

/** Tri-state "select all filtered" box. */
function SelectAll({ all, some, onChange, label }: { all: boolean; some: boolean; onChange(): void; label: string }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = some && !all;
  }, [all, some]);
  return <input ref={ref} type="checkbox" data-testid="runs-select-all" checked={all} onChange={onChange} aria-label={label} title={label} />;
}

function ColumnChooser({ keys, shown, onChange }: { keys: string[]; shown: string[]; onChange(columns: string[] | null): void }) {
  const { t } = useTranslation();
  const on = new Set(shown);
  const toggle = (key: string) => {
    const next = on.has(key) ? shown.filter((k) => k !== key) : keys.filter((k) => on.has(k) || k === key);
    onChange(next);
  };
  return (
    <details className="column-chooser" data-testid="runs-columns">
      <summary className="text-btn toolbar-btn">{t('runsTable.columns', { count: shown.length })}</summary>
      <div className="column-menu">
        <button type="button" className="text-btn" data-testid="runs-columns-auto" onClick={() => onChange(null)}>{t('runsTable.columnsAuto')}</button>
        {keys.length === 0 && <p className="browse-note">{t('runsTable.noConfig')}</p>}
        {keys.map((key) => (
          <label key={key} className="column-option">
            <input type="checkbox" data-testid="runs-column-option" data-key={key} checked={on.has(key)} onChange={() => toggle(key)} />
            <span className="mono">{key}</span>
          </label>
        ))}
      </div>
    </details>
  );
}

/**
 * A project's runs: state, name, created time and the config keys that tell the runs apart
 * (or the ones chosen); filter by state, name and a config value, sort by any column, tick
 * runs (or every filtered one) and show them as charts.
 */
export function RunsTable({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const client = useApi();
  const b = useAccountsStore((s) => browseOf(s, accountId));
  const update = useAccountsStore((s) => s.updateBrowse);
  const level = b.runs;
  const rows = useMemo(() => level.data ?? [], [level.data]);
  const keys = useMemo(() => allConfigKeys(rows), [rows]);
  const columns = useMemo(() => shownConfigColumns(rows, b.columns), [rows, b.columns]);
  const filtered = useMemo(() => filterRows(rows, b.filter), [rows, b.filter]);
  const sorted = useMemo(() => sortRows(filtered, b.sort), [filtered, b.sort]);
  const counts = useMemo(() => stateCounts(rows), [rows]);
  const selected = useMemo(() => new Set(b.selected), [b.selected]);
  const [name, setName] = useState(b.filter.name);
  const [value, setValue] = useState(b.filter.configValue);

  const setFilter = (f: Partial<RunsFilter>) => update(accountId, (cur) => ({ filter: { ...cur.filter, ...f } }));
  // text filters apply as typed, and are kept per account
  useEffect(() => {
    if (name !== b.filter.name || value !== b.filter.configValue) setFilter({ name, configValue: value });
  }, [name, value]);

  if (!level.data) {
    if (level.error) return <LevelError error={level.error} onRetry={() => void loadRuns(client, accountId)} />;
    return <p className="browse-note">{t('cloud.loadingRuns')}</p>;
  }

  const toggleState = (s: RunStatus) => setFilter({ states: b.filter.states.includes(s) ? b.filter.states.filter((x) => x !== s) : [...b.filter.states, s] });
  const toggleRun = (id: string) => update(accountId, (cur) => ({
    selected: cur.selected.includes(id) ? cur.selected.filter((x) => x !== id) : [...cur.selected, id],
  }));
  const filteredIds = sorted.map((r) => r.id);
  const allFiltered = filteredIds.length > 0 && filteredIds.every((id) => selected.has(id));
  const someFiltered = filteredIds.some((id) => selected.has(id));
  const toggleAll = () => update(accountId, (cur) => {
    const ids = new Set(filteredIds);
    return { selected: allFiltered ? cur.selected.filter((id) => !ids.has(id)) : [...new Set([...cur.selected, ...filteredIds])] };
  });
  const onSort = (column: SortColumn) => update(accountId, (cur) => ({ sort: nextSort(cur.sort, column) }));
  const filtering = b.filter.states.length > 0 || b.filter.name.trim() !== '' || b.filter.configValue.trim() !== '';
  const clearFilters = () => {
    setName('');
    setValue('');
    setFilter(NO_FILTER);
  };
  const tooMany = b.selected.length > MAX_OPEN_RUNS;

  return (
    <div className="runs-browser">
      {level.error && <LevelError error={level.error} onRetry={() => void loadRuns(client, accountId)} />}
      <div className="runs-tools" data-testid="runs-tools">
        <SearchBox data-testid="runs-filter-name" label={t('runsTable.filterName')} value={name} onChange={setName} />
        <span className="state-chips" role="group" aria-label={t('runsTable.filterState')}>
          {RUN_STATUSES.filter((s) => counts.has(s)).map((s) => (
            <button
              key={s}
              type="button"
              className={`state-chip status-${s}${b.filter.states.includes(s) ? ' on' : ''}`}
              data-testid="runs-filter-state"
              data-state={s}
              aria-pressed={b.filter.states.includes(s)}
              onClick={() => toggleState(s)}
            >
              {t(`status.${s}`)} <span className="chip-count">{counts.get(s)}</span>
            </button>
          ))}
        </span>
        <span className="config-filter">
          <select
            data-testid="runs-filter-config-key"
            value={b.filter.configKey}
            aria-label={t('runsTable.configKey')}
            onChange={(e) => setFilter({ configKey: e.target.value })}
          >
            <option value="">{t('runsTable.anyConfig')}</option>
            {keys.map((k) => <option key={k} value={k}>{k}</option>)}
          </select>
          <SearchBox data-testid="runs-filter-config-value" label={t('runsTable.configValue')} value={value} onChange={setValue} />
        </span>
        {filtering && <button type="button" className="text-btn" data-testid="runs-filter-clear" onClick={clearFilters}>{t('runsTable.clearFilters')}</button>}
        <span className="toolbar-spacer" />
        <ColumnChooser keys={keys} shown={columns} onChange={(c) => update(accountId, { columns: c })} />
      </div>
      <div className="runs-table-wrap">
        <table className="runs-table" data-testid="cloud-runs-table" data-rows={sorted.length}>
          <thead>
            <tr>
              <th className="col-check" scope="col">
                <SelectAll all={allFiltered} some={someFiltered} onChange={toggleAll} label={t('runsTable.selectAll')} />
              </th>
              <SortHeader column="state" label={t('runsTable.state')} sort={b.sort} onSort={onSort} className="col-state" />
              <SortHeader column="name" label={t('runsTable.name')} sort={b.sort} onSort={onSort} className="col-name" />
              <SortHeader column="created" label={t('runsTable.created')} sort={b.sort} onSort={onSort} className="col-created" />
              {columns.map((k) => <SortHeader key={k} column={`config:${k}`} label={k} sort={b.sort} onSort={onSort} className="col-config" />)}
              <th className="col-link" scope="col"><span className="sr-only">{t('cloud.openInBrowser')}</span></th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => {
              const on = selected.has(r.id);
              return (
                <tr
                  key={r.id}
                  className={on ? 'selected' : undefined}
                  data-testid="cloud-run-row"
                  data-run-name={r.name}
                  data-run-id={r.id}
                  data-selected={on}
                  onClick={(e) => {
                    if (!(e.target as HTMLElement).closest('a, input')) toggleRun(r.id);
                  }}
                >
                  <td className="col-check">
                    <input type="checkbox" data-testid="run-select" checked={on} onChange={() => toggleRun(r.id)} aria-label={t('runsTable.select', { name: r.name })} />
                  </td>
                  <td className="col-state">
                    <span className={`status-badge status-${r.status}`} data-testid="cloud-run-status" data-status={r.status}>{t(`status.${r.status}`)}</span>
                  </td>
                  <td className="col-name" title={r.name}>{r.name}</td>
                  <td className="col-created" title={r.createdAt ?? undefined}>{formatLocalTime(r.createdAt) ?? '—'}</td>
                  {columns.map((k) => {
                    const v = formatConfigValue(r.config[k]);
                    return <td key={k} className="col-config mono" data-key={k} title={v}>{v}</td>;
                  })}
                  <td className="col-link">
                    {r.webUrl && (
                      <WebLink data-testid="cloud-run-web-link" href={r.webUrl} label={t('cloud.openInBrowser')} />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {sorted.length === 0 && <p className="browse-note" data-testid="runs-none">{rows.length ? t('runsTable.noMatch') : t('runsTable.noRuns')}</p>}
      </div>
      <footer className="runs-footer">
        <span data-testid="runs-count">{t('runsTable.count', { shown: sorted.length, total: rows.length, selected: b.selected.length })}</span>
        {b.selected.length > 0 && (
          <button type="button" className="text-btn" data-testid="runs-select-none" onClick={() => update(accountId, { selected: [] })}>{t('runsTable.clearSelection')}</button>
        )}
        {tooMany && <span className="form-error">{t('runsTable.tooMany', { max: MAX_OPEN_RUNS })}</span>}
        <span className="toolbar-spacer" />
        {b.openState.error && !b.openState.loading && <span className="form-error" data-testid="open-error">{b.openState.error.message}</span>}
        <button
          type="button"
          className="text-btn primary-btn"
          data-testid="runs-show-charts"
          disabled={b.selected.length === 0 || b.openState.loading}
          onClick={() => void openCharts(client, accountId)}
        >
          {b.openState.loading ? t('runsTable.opening') : t('runsTable.showCharts', { count: Math.min(b.selected.length, MAX_OPEN_RUNS) })}
        </button>
      </footer>
    </div>
  );
}
