import type { ConsoleLine } from '../../../shared/domain';
import { HighlightedText } from './HighlightedText';

export const LOG_ROW_HEIGHT = 18;

/** Errors and warnings by level; anything written to stderr counts as an error line too. */
function lineClass(line: ConsoleLine): string {
  if (line.level === 'error') return 'log-line is-error';
  if (line.level === 'warn') return 'log-line is-warn';
  if (line.stream === 'stderr') return 'log-line is-stderr';
  return 'log-line';
}

export function LogLine({ index, line, term, current }: { index: number; line: ConsoleLine; term: string; current: boolean }) {
  return (
    <div
      className={current ? `${lineClass(line)} is-current` : lineClass(line)}
      data-testid="log-line"
      data-level={line.level}
      data-stream={line.stream}
      data-index={index}
    >
      <span className="log-line-number">{index + 1}</span>
      <HighlightedText text={line.text} term={term} />
    </div>
  );
}
