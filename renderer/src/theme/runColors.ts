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
