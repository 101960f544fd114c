import type { RunInfo } from '../../../shared/domain';
import type { ResolvedTheme } from '../store/selectors';

/** Used when the SDK recorded no color for a run. */
export const FALLBACK_PALETTE = [
  '#528d59', '#587ad2', '#c24d46', '#9cbe5d', '#6ebad3', '#dfb142', '#6d4ba4', '#8cc5b7',
  '#892d58', '#40877c', '#d0703c', '#d47694', '#e3b292', '#b15fbb', '#905f4a', '#989fa3',
];

/** The run's color in `theme`: the SDK's color for that theme, the other one, else the palette. */
export function runColor(info: RunInfo, theme: ResolvedTheme, index: number): string {
  const own = theme === 'dark' ? info.colors.dark ?? info.colors.light : info.colors.light ?? info.colors.dark;
  return own ?? FALLBACK_PALETTE[index % FALLBACK_PALETTE.length];
}

function rgb(color: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return null;
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

/** Perceptual ("redmean") distance of two #rgb/#rrggbb colors, 0 … ~765; unreadable ones only match themselves. */
export function colorDistance(a: string, b: string): number {
  const x = rgb(a);
  const y = rgb(b);
  if (!x || !y) return a.toLowerCase() === b.toLowerCase() ? 0 : Infinity;
  const r = (x[0] + y[0]) / 2;
  const [dr, dg, db] = [x[0] - y[0], x[1] - y[1], x[2] - y[2]];
  return Math.sqrt((2 + r / 256) * dr * dr + 4 * dg * dg + (2 + (255 - r) / 256) * db * db);
}

/** Below this, two lines in one chart are hard to tell apart. */
const TOO_CLOSE = 50;

/**
 * Colors of all runs in list order. The SDK picks colors at random, so two runs can get the
 * same or nearly the same one; a later run then gets the palette color farthest from the taken ones.
 */
export function assignRunColors(infos: RunInfo[], theme: ResolvedTheme): Map<string, string> {
  const used: string[] = [];
  const out = new Map<string, string>();
  const nearest = (c: string) => Math.min(...used.map((u) => colorDistance(u, c)));
  infos.forEach((info, i) => {
    let color = runColor(info, theme, i);
    if (used.length && nearest(color) < TOO_CLOSE) {
      color = FALLBACK_PALETTE.reduce((best, c) => (nearest(c) > nearest(best) ? c : best));
    }
    used.push(color);
    out.set(info.id, color);
  });
  return out;
}
