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

type Rgb = [number, number, number];

function rgb(color: string): Rgb | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return null;
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
}

function rgbDistance(x: Rgb, y: Rgb): number {
  const r = (x[0] + y[0]) / 2;
  const [dr, dg, db] = [x[0] - y[0], x[1] - y[1], x[2] - y[2]];
  return Math.sqrt((2 + r / 256) * dr * dr + 4 * dg * dg + (2 + (255 - r) / 256) * db * db);
}

/** Perceptual ("redmean") distance of two #rgb/#rrggbb colors, 0 … ~765; unreadable ones only match themselves. */
export function colorDistance(a: string, b: string): number {
  const x = rgb(a);
  const y = rgb(b);
  if (!x || !y) return a.toLowerCase() === b.toLowerCase() ? 0 : Infinity;
  return rgbDistance(x, y);
}

/** Below this, two lines in one chart are hard to tell apart. */
const TOO_CLOSE = 50;

/**
 * The redmean distance is at least √2·|Δred|, 2·|Δgreen| and √2·|Δblue|, so a color nearer than
 * TOO_CLOSE differs by under 36 in every channel: it lies in the same or a neighbouring cell of
 * this size, and only those cells need comparing.
 */
const CELL = 36;

const cellKey = (x: number, y: number, z: number) => `${x},${y},${z}`;

/** The colors taken so far, found by position, with each palette color's distance to the nearest of them. */
class TakenColors {
  private readonly cells = new Map<string, Rgb[]>();
  /** `r,g,b` of the colors in `cells`: a color taken again (palette colors are) is kept once. */
  private readonly seen = new Set<string>();
  /** Lower-cased: such a color is only near an equal one (see colorDistance). */
  private readonly unreadable = new Set<string>();
  /** Per FALLBACK_PALETTE entry: its distance to the nearest taken color (Infinity while none is). */
  private readonly paletteGaps = FALLBACK_PALETTE.map(() => Infinity);
  private readonly palette = FALLBACK_PALETTE.map((c) => rgb(c)!);

  add(color: string): void {
    const x = rgb(color);
    this.palette.forEach((p, i) => {
      this.paletteGaps[i] = Math.min(this.paletteGaps[i], x ? rgbDistance(x, p) : Infinity);
    });
    if (!x) {
      this.unreadable.add(color.toLowerCase());
      return;
    }
    const id = x.join();
    if (this.seen.has(id)) return;
    this.seen.add(id);
    const key = cellKey(...(x.map((v) => Math.floor(v / CELL)) as Rgb));
    const cell = this.cells.get(key);
    if (cell) cell.push(x);
    else this.cells.set(key, [x]);
  }

  isNear(color: string): boolean {
    const x = rgb(color);
    if (!x) return this.unreadable.has(color.toLowerCase());
    const [cr, cg, cb] = x.map((v) => Math.floor(v / CELL));
    for (let i = cr - 1; i <= cr + 1; i++) {
      for (let j = cg - 1; j <= cg + 1; j++) {
        for (let k = cb - 1; k <= cb + 1; k++) {
          if (this.cells.get(cellKey(i, j, k))?.some((u) => rgbDistance(u, x) < TOO_CLOSE)) return true;
        }
      }
    }
    return false;
  }

  /** The palette color farthest from every taken one (the first of equals). */
  farthestPaletteColor(): string {
    let best = 0;
    this.paletteGaps.forEach((gap, i) => {
      if (gap > this.paletteGaps[best]) best = i;
    });
    return FALLBACK_PALETTE[best];
  }
}

/**
 * Colors of all runs in list order. The SDK picks colors at random, so two runs can get the
 * same or nearly the same one; a later run then gets the palette color farthest from the taken
 * ones. Linear in the runs: each one is compared with its neighbours among the taken colors only.
 */
export function assignRunColors(infos: RunInfo[], theme: ResolvedTheme): Map<string, string> {
  const taken = new TakenColors();
  const out = new Map<string, string>();
  infos.forEach((info, i) => {
    let color = runColor(info, theme, i);
    if (taken.isNear(color)) color = taken.farthestPaletteColor();
    taken.add(color);
    out.set(info.id, color);
  });
  return out;
}
