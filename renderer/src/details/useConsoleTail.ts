import { useRef } from 'react';
import type { ChangeEvent } from '../../../shared/contract';
import { mergeConsole, tailRequest, type ConsoleTail } from '../../../shared/consoleTail';
import { useLiveCall, type LiveCall } from './useLiveCall';

/**
 * A run's console, kept up to date: the first load asks for every line, each growth the change
 * feed reports asks only for the lines after those held (shared/consoleTail.ts). An answer that
 * does not continue them (the console was rewritten) is followed by one load from line 0.
 */
export function useConsoleTail(source: string | null, runId: string): LiveCall<ConsoleTail> {
  const key = source ? `console:${source}:${runId}` : null;
  const held = useRef<{ key: string; tail: ConsoleTail } | null>(null);
  return useLiveCall(
    key,
    async (api) => {
      const mine = held.current?.key === key ? held.current.tail : null;
      const ask = (from: ConsoleTail | null) => api.call('run.console', { source: source!, runId, ...tailRequest(from) });
      const tail = mergeConsole(mine, await ask(mine)) ?? mergeConsole(null, await ask(null));
      if (!tail) throw new Error('run.console answered from a line it was not asked for');
      held.current = { key: key!, tail };
      return tail;
    },
    (e: ChangeEvent) => e.runs.some((r) => r.runId === runId && (r.consoleLines > 0 || r.statusChanged)),
  );
}
