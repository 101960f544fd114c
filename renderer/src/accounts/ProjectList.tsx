import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLocalTime } from '../runs/formatTime';
import { useApi } from '../api/useApi';
import { browseOf, useAccountsStore, type ProjectSort } from '../store/accountsStore';
import { SearchBox } from '../ui/SearchBox';
import { WebLink } from '../ui/WebLink';
import { chooseProject, loadProjects, setProjectQuery } from './accountActions';
import { LevelError } from './AccountBanner';

const SORTS: ProjectSort[] = ['updated', 'created', 'name'];
const SEARCH_DELAY = 300;

/** A workspace's projects: search (on the server), sort, pages; each opens its runs table. */
export function ProjectList({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const client = useApi();
  const b = useAccountsStore((s) => browseOf(s, accountId));
  const level = b.projects;
  const [search, setSearch] = useState(b.projectSearch);

  // typing waits for a pause before asking the server
  useEffect(() => {
    if (search === b.projectSearch) return;
    const timer = setTimeout(() => setProjectQuery(client, accountId, { search }), SEARCH_DELAY);
    return () => clearTimeout(timer);
  }, [search, b.projectSearch, client, accountId]);

  const page = level.data;
  const pages = page ? Math.max(1, Math.ceil(page.total / Math.max(1, page.pageSize))) : 1;
  return (
    <div className="browse-body">
      <div className="browse-tools">
        <h2 className="browse-title">{t('cloud.projects')}</h2>
        <SearchBox data-testid="project-search" label={t('cloud.searchProjects')} value={search} onChange={setSearch} />
        <label className="browse-select">
          <span>{t('cloud.sortBy')}</span>
          <select
            data-testid="project-sort"
            value={b.projectSort}
            onChange={(e) => setProjectQuery(client, accountId, { sort: e.target.value as ProjectSort })}
          >
            {SORTS.map((s) => <option key={s} value={s}>{t(`cloud.projectSort.${s}`)}</option>)}
          </select>
        </label>
      </div>
      {!page ? (
        level.error
          ? <LevelError error={level.error} onRetry={() => void loadProjects(client, accountId)} />
          : <p className="browse-note">{t('cloud.loadingProjects')}</p>
      ) : (
        <>
          {level.error && <LevelError error={level.error} onRetry={() => void loadProjects(client, accountId)} />}
          {page.projects.length === 0 ? (
            <p className="browse-note" data-testid="no-projects">{b.projectSearch ? t('cloud.noProjectsMatch') : t('cloud.noProjects')}</p>
          ) : (
            <ul className="project-list" data-testid="cloud-projects" data-page={page.page} data-total={page.total}>
              {page.projects.map((p) => (
                <li key={`${p.workspace}/${p.name}`} className="project-item" data-testid="cloud-project" data-project={p.name}>
                  <button type="button" className="project-open" onClick={() => chooseProject(client, accountId, p)}>
                    <span className="project-name">{p.name}</span>
                    {p.description && <span className="project-desc">{p.description}</span>}
                  </button>
                  <span className="project-meta">
                    {p.runCount !== null && <span>{t('cloud.runCount', { count: p.runCount })}</span>}
                    {p.updatedAt && <span title={p.updatedAt}>{t('cloud.updated', { time: formatLocalTime(p.updatedAt) ?? p.updatedAt })}</span>}
                  </span>
                  <WebLink data-testid="project-item-web-link" href={p.webUrl} label={t('cloud.openInBrowser')} />
                </li>
              ))}
            </ul>
          )}
          {pages > 1 && (
            <div className="pager" data-testid="project-pager">
              <button
                type="button"
                className="text-btn toolbar-btn"
                data-testid="project-page-prev"
                disabled={page.page <= 1 || level.loading}
                onClick={() => setProjectQuery(client, accountId, { page: page.page - 1 })}
              >
                {t('cloud.previous')}
              </button>
              <span data-testid="project-page">{t('cloud.page', { page: page.page, pages, total: page.total })}</span>
              <button
                type="button"
                className="text-btn toolbar-btn"
                data-testid="project-page-next"
                disabled={page.page >= pages || level.loading}
                onClick={() => setProjectQuery(client, accountId, { page: page.page + 1 })}
              >
                {t('cloud.next')}
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
