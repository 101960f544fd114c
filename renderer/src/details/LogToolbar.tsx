import { useTranslation } from 'react-i18next';
import { SearchBox } from '../ui/SearchBox';

export interface LogToolbarProps {
  term: string;
  onTerm: (term: string) => void;
  matchCount: number;
  /** Position of the current match, -1 when none. */
  current: number;
  onStep: (delta: 1 | -1) => void;
  follow: boolean;
  onFollow: (follow: boolean) => void;
  total: number;
}

export function LogToolbar({ term, onTerm, matchCount, current, onStep, follow, onFollow, total }: LogToolbarProps) {
  const { t } = useTranslation();
  return (
    <div className="log-toolbar">
      <SearchBox
        className="details-search"
        data-testid="log-search"
        label={t('log.search')}
        value={term}
        onChange={onTerm}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onStep(e.shiftKey ? -1 : 1);
          }
        }}
      />
      {term && (
        <span className="log-match-info" aria-live="polite">
          {matchCount > 0 && <span>{current + 1} / </span>}
          <span data-testid="log-match-count">{matchCount}</span> {t('log.matches', { count: matchCount })}
        </span>
      )}
      <button type="button" className="icon-button" title={t('log.previous')} aria-label={t('log.previous')} disabled={matchCount === 0} onClick={() => onStep(-1)}>
        ↑
      </button>
      <button type="button" className="icon-button" title={t('log.next')} aria-label={t('log.next')} disabled={matchCount === 0} onClick={() => onStep(1)}>
        ↓
      </button>
      <label className="log-follow" title={t('log.followTitle')}>
        <input type="checkbox" data-testid="log-follow" checked={follow} onChange={(e) => onFollow(e.target.checked)} />
        {t('log.follow')}
      </label>
      <span className="log-total">{t('log.lines', { count: total })}</span>
    </div>
  );
}
