import { useTranslation } from 'react-i18next';

export function ErrorView({ message, onRetry }: { message: string; onRetry(): void }) {
  const { t } = useTranslation();
  return (
    <div className="error-view" data-testid="load-error" role="alert">
      <p>{t('app.loadError', { message })}</p>
      <button type="button" className="text-btn" onClick={onRetry}>{t('app.retry')}</button>
    </div>
  );
}
