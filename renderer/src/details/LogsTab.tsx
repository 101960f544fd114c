import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOG_ROW_HEIGHT, LogLine } from './LogLine';
import { LogToolbar } from './LogToolbar';
import { matchingIndices, stepMatch } from './textMatch';
import { useAppStore } from '../store/appStore';
import { selectSourceId } from '../store/selectors';
import { useConsoleTail } from './useConsoleTail';
import { VirtualList } from './VirtualList';

function trimTrailingBlank(lines: string[] | null): string[] | null {
  if (!lines) return null;
  let end = lines.length;
  while (end > 0 && !lines[end - 1].trim()) end--;
  return end ? lines.slice(0, end) : null;
}

/** The console tail: traceback first, then every line (virtualized), searchable, following new output (fetched as appended lines). */
export function LogsTab({ runId }: { runId: string }) {
  const { t } = useTranslation();
  const source = useAppStore(selectSourceId);
  const { data, error } = useConsoleTail(source, runId);
  // the same array while nothing was appended: texts and matches are not recomputed
  const lines = useMemo(() => data?.lines ?? [], [data?.lines]);
  const texts = useMemo(() => lines.map((l) => l.text), [lines]);
  const errorLines = useMemo(() => trimTrailingBlank(data?.error ?? null), [data?.error]);

  const [term, setTerm] = useState('');
  const [follow, setFollow] = useState(true);
  const [current, setCurrent] = useState(-1);
  const [reveal, setReveal] = useState<{ index: number } | null>(null);
  const matches = useMemo(() => matchingIndices(texts, term), [texts, term]);
  const position = Math.min(current, matches.length - 1);

  const goTo = (pos: number, among: number[]) => {
    setCurrent(pos);
    if (pos < 0) return;
    setFollow(false);
    setReveal({ index: among[pos] });
  };

  // a new term jumps to its last match: the newest output is what a tail is read for
  const onTerm = (next: string) => {
    setTerm(next);
    const found = matchingIndices(texts, next);
    goTo(found.length - 1, found);
  };

  if (error && !data) return <p className="details-error">{t('details.loadError', { message: error })}</p>;
  if (!data) return <p className="details-muted">{t('details.loading')}</p>;

  return (
    <div className="logs-tab">
      {errorLines && (
        <section className="log-error" data-testid="log-error" aria-label={t('log.error')}>
          <h3>{t('log.error')}</h3>
          <pre>{errorLines.join('\n')}</pre>
        </section>
      )}
      <LogToolbar
        term={term}
        onTerm={onTerm}
        matchCount={matches.length}
        current={position}
        onStep={(delta) => goTo(stepMatch(position, matches.length, delta), matches)}
        follow={follow}
        onFollow={setFollow}
        total={data.total}
      />
      {lines.length === 0 ? (
        <p className="details-muted" data-testid="log-view">{t('log.empty')}</p>
      ) : (
        <VirtualList
          className="log-view"
          testId="log-view"
          count={lines.length}
          rowHeight={LOG_ROW_HEIGHT}
          follow={follow}
          onScrolled={setFollow}
          reveal={reveal}
          renderRow={(i) => (
            <LogLine key={i} index={i} line={lines[i]} term={term} current={position >= 0 && matches[position] === i} />
          )}
        />
      )}
    </div>
  );
}
