import { useTranslation } from 'react-i18next';

/** Shown while the folder is read: an indeterminate bar, since the reader reports no fraction. */
export function LoadingView() {
  const { t } = useTranslation();
  return (
    <div className="loading-view" data-testid="loading" role="status">
      <div className="loading-bar"><div /></div>
      <p>{t('app.loadingFolder')}</p>
    </div>
  );
}
