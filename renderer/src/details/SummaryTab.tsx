import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetricSummary } from '../../../shared/domain';
import { formatMetricValue, formatWithStep, sortSummaries, toggleSort, type SummaryColumn, type SummarySort } from './summaryFormat';

const COLUMNS: SummaryColumn[] = ['key', 'last', 'min', 'max', 'count'];

/** Last / min / max (with steps) and point count of every line key; click a header to sort. */
export function SummaryTab({ summaries }: { summaries: MetricSummary[] }) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<SummarySort | null>(null);
  const rows = useMemo(() => (sort ? sortSummaries(summaries, sort) : summaries), [summaries, sort]);

  if (summaries.length === 0) return <p className="details-muted">{t('details.summary.empty')}</p>;
  return (
    <table className="details-table summary-table">
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <th key={c} aria-sort={sort?.column === c ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
              <button type="button" className="sort-button" onClick={() => setSort(toggleSort(sort, c))}>
                {t(`details.summary.${c}`)}
                <span className="sort-mark">{sort?.column === c ? (sort.direction === 'asc' ? '▲' : '▼') : ''}</span>
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr key={s.key} data-testid="summary-row" data-key={s.key} data-last={s.last ?? undefined}>
            <td className="summary-key">{s.key}</td>
            <td className="num" data-cell="last" title={s.lastStep === null ? undefined : t('details.summary.atStep', { step: s.lastStep })}>
              {formatMetricValue(s.last)}
            </td>
            <td className="num" data-cell="min">{formatWithStep(s.min, s.minStep)}</td>
            <td className="num" data-cell="max">{formatWithStep(s.max, s.maxStep)}</td>
            <td className="num" data-cell="count">{s.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
