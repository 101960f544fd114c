import type { MediaPoint } from '../../shared/domain';
import { serverNumber } from './serverNumbers';
import type { WireMediaStep } from './wire';

/**
 * `f_media` steps → media points. Items are the stored object paths (fetched later through
 * `resources/presigned/get`); captions come from the `more` list, kept as is. The server gives
 * no per-step time.
 */
export function mediaPointsFrom(steps: readonly (WireMediaStep | null)[]): MediaPoint[] {
  const points: MediaPoint[] = [];
  for (const s of steps) {
    if (!s) continue;
    const step = serverNumber(s.index);
    if (!Number.isFinite(step)) continue;
    const more = s.more ?? null;
    const items = (s.data ?? []).map((file, i) => {
      const m = more?.[i];
      const caption = m && typeof m === 'object' && typeof (m as { caption?: unknown }).caption === 'string' ? (m as { caption: string }).caption : null;
      return { file, text: null, caption };
    });
    points.push({ step, timestamp: Number.NaN, items, more });
  }
  return points.sort((a, b) => a.step - b.step);
}
