import { useTranslation } from 'react-i18next';

/** requirements.txt (pip freeze) and conda.yaml as the SDK saved them. */
export function RequirementsTab({ requirements, conda }: { requirements: string[] | null; conda: string | null }) {
  const { t } = useTranslation();
  if (!requirements && !conda) return <p className="details-muted">{t('details.requirements.empty')}</p>;
  return (
    <div className="requirements-tab">
      {requirements && (
        <section>
          <h3>{t('details.requirements.pip', { count: requirements.length })}</h3>
          <pre className="details-pre" data-testid="requirements">{requirements.join('\n')}</pre>
        </section>
      )}
      {conda && (
        <section>
          <h3>{t('details.requirements.conda')}</h3>
          <pre className="details-pre" data-testid="conda">{conda}</pre>
        </section>
      )}
    </div>
  );
}
