import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunInfo } from '../../../shared/domain';
import { parseIsoMs } from '../../../shared/time';
import { formatDuration, runDurationMs } from './durationFormat';

function formatTime(iso: string | null, locale: string): string | null {
  if (!iso) return null;
  const ms = parseIsoMs(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toLocaleString(locale);
}

/** Who the run is, how it ended and why we think so, and what went wrong reading it. */
export function OverviewTab({ info }: { info: RunInfo }) {
  const { t, i18n } = useTranslation();
  const duration = formatDuration(runDurationMs(info.createdAt, info.finishedAt, info.lastActivity ?? Date.now()));
  const rows: [string, ReactNode][] = [
    ['name', info.name],
    ['status', (
      <div>
        <span className={`status-badge status-${info.status}`} data-testid="details-status">{t(`status.${info.status}`)}</span>
        {info.statusEvidence.length > 0 && (
          <ul className="evidence-list" aria-label={t('status.evidence')}>
            {info.statusEvidence.map((e, i) => <li key={i}>{e}</li>)}
          </ul>
        )}
      </div>
    )],
    ['created', formatTime(info.createdAt, i18n.language)],
    ['finished', formatTime(info.finishedAt, i18n.language)],
    ['duration', duration],
    ['description', info.description || null],
    ['tags', info.tags.length ? <span className="tag-list">{info.tags.map((tag) => <span key={tag} className="tag">{tag}</span>)}</span> : null],
    ['project', info.project],
    ['sdkVersion', info.sdkVersion],
    ['generations', info.generations.length ? info.generations.map((g) => t(`details.overview.generation${g}`)).join(', ') : null],
    ['id', <span className="mono">{info.id}</span>],
    ['dir', <span className="mono">{info.dir}</span>],
  ];
  return (
    <div className="overview-tab">
      <table className="details-table kv-table">
        <tbody>
          {rows.map(([field, value]) => (
            <tr key={field} data-field={field}>
              <th>{t(`details.overview.${field}`)}</th>
              <td>{value ?? <span className="details-muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {info.issues.length > 0 && (
        <section className="issues" data-testid="details-issues">
          <h3>{t('details.overview.issues', { count: info.issues.length })}</h3>
          <ul>
            {info.issues.map((issue, i) => (
              <li key={i}>
                <span className="mono">{issue.path}</span>: {issue.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
