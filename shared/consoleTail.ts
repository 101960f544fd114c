/**
 * The console as a tail: the main side answers only the lines after `since`, the renderer
 * appends them to what it holds. Both halves live here so they agree on the rules.
 */
import type { ConsoleResponse } from './contract';
import type { ConsoleLine } from './domain';

/** How much of the line before `since` the renderer sends back as `anchor`. */
export const ANCHOR_CHARS = 200;

/** The `anchor` of a request: the start of the last line the renderer holds. */
export function anchorOf(line: ConsoleLine): string {
  return line.text.slice(0, ANCHOR_CHARS);
}

/**
 * Main side: the answer to `run.console` for a console of `all` lines. Lines from `since`
 * when the console still continues what the renderer holds; from 0 when it does not: fewer
 * lines than `since` (a rewritten or truncated file) or a line before `since` that is not
 * the `anchor` the renderer sent (the same count of other lines).
 */
export function consoleSince(
  all: ConsoleLine[],
  error: string[] | null,
  since = 0,
  anchor?: string,
): ConsoleResponse {
  const continues = since > 0 && since <= all.length && (anchor === undefined || anchorOf(all[since - 1]) === anchor);
  const from = continues ? since : 0;
  return { lines: from === 0 ? all : all.slice(from), from, error, total: all.length };
}

/** What the log tab holds of a run's console. */
export interface ConsoleTail {
  lines: ConsoleLine[];
  error: string[] | null;
  total: number;
}

/** The request that asks for what `held` does not have yet (everything when null). */
export function tailRequest(held: ConsoleTail | null): { since?: number; anchor?: string } {
  if (!held || held.lines.length === 0) return {};
  return { since: held.lines.length, anchor: anchorOf(held.lines[held.lines.length - 1]) };
}

/**
 * Renderer side: `held` with the answer applied. An answer from 0 replaces everything; one
 * from the end of `held` appends (keeping `held.lines` itself when nothing is new, so views
 * keyed on it do not recompute). Null when the answer continues something else (asked with
 * a `since` of another state): the caller asks again from 0.
 */
export function mergeConsole(held: ConsoleTail | null, res: ConsoleResponse): ConsoleTail | null {
  if (res.from === 0) return { lines: res.lines, error: res.error, total: res.lines.length };
  if (!held || res.from !== held.lines.length) return null;
  const lines = res.lines.length ? held.lines.concat(res.lines) : held.lines;
  return { lines, error: res.error, total: lines.length };
}
