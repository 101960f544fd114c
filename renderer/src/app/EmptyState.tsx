import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/useApi';

/** Nothing is open: how to open a folder, and the recent ones where the app can open them. */
export function EmptyState({ canOpenFolders, onOpen }: { canOpenFolders: boolean; onOpen(path: string): void }) {
  const { t } = useTranslation();
  const client = useApi();
  const [recent, setRecent] = useState<string[]>([]);
  useEffect(() => {
    if (canOpenFolders) client.call('workspace.recent', {}).then(setRecent, () => setRecent([]));
  }, [client, canOpenFolders]);
  return (
    <div className="empty-state" data-testid="empty-state">
      <h1>{t('empty.title')}</h1>
      <p>{t('empty.lead')}</p>
      <ul className="empty-ways">
        <li>{t('empty.menu')}</li>
        <li>{t('empty.drop')}</li>
        <li>{t('empty.serve')} <code>swanview serve PATH</code></li>
      </ul>
      {recent.length > 0 && (
        <div className="recent">
          <h2>{t('empty.recent')}</h2>
          {recent.map((path) => (
            <button type="button" key={path} className="recent-item" title={path} onClick={() => onOpen(path)}>{path}</button>
          ))}
        </div>
      )}
    </div>
  );
}
