import type { MediaPoint, NumericSeries } from '../../../shared/domain';
import { minMaxBucketIndices } from '../../../shared/downsample';
import { formatIsoUtc } from '../../../shared/time';

/** swanboard never returns more points than this for one tag. */
export const BOARD_MAX_POINTS = 1500;

/**
 * A number as the board sends it. JSON has no NaN/inf: SDK ≤0.7 stored the strings "NaN"
 * and "INF" (sign lost), which swanboard passes through; for 0.8+ native values we send
 * "NaN", "Infinity" and "-Infinity" where swanboard itself fails with HTTP 500.
 */
export function boardNumber(v: number, legacy: boolean): number | string {
  if (Number.isFinite(v)) return v;
  if (Number.isNaN(v)) return 'NaN';
  if (legacy) return 'INF';
  return v > 0 ? 'Infinity' : '-Infinity';
}

/** The list entries the SDK wrote for a media step: file names, or the text itself. */
export function mediaData(p: MediaPoint): string[] {
  return p.items.map((it) => it.text ?? (it.file ? it.file.slice(it.file.lastIndexOf('/') + 1) : ''));
}

function time(ms: number): string | null {
  return Number.isFinite(ms) ? formatIsoUtc(ms) : null;
}

export interface TagData {
  sum: number;
  max: number | null;
  min: number | null;
  list: Record<string, unknown>[];
}

/**
 * Tag data per series object: a series is immutable once built and its reader hands out the same
 * object until points are added, so a warm tag request costs no pass over the points.
 */
const lineTagCache = new WeakMap<NumericSeries, TagData>();

/** The caller must not modify the result (it is shared by later requests for the same series). */
export function lineTagData(s: NumericSeries): TagData {
  let data = lineTagCache.get(s);
  if (data === undefined) {
    data = computeLineTagData(s);
    lineTagCache.set(s, data);
  }
  return data;
}

function computeLineTagData(s: NumericSeries): TagData {
  const n = s.steps.length;
  let max = -Infinity;
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    const v = s.values[i];
    if (!Number.isFinite(v)) continue;
    if (v > max) max = v;
    if (v < min) min = v;
  }
  const idx = minMaxBucketIndices(s.values, BOARD_MAX_POINTS);
  const list = Array.from(idx, (i) => ({
    index: s.steps[i], data: boardNumber(s.values[i], s.legacyNonFinite), create_time: time(s.timestamps[i]),
  }) as Record<string, unknown>);
  if (list.length) list[list.length - 1]._last = true;
  return { sum: n, max: Number.isFinite(max) ? max : null, min: Number.isFinite(min) ? min : null, list };
}

/** Media steps; min/max are meaningless for lists (swanboard compares them lexically), so null. */
export function mediaTagData(points: MediaPoint[]): TagData {
  const n = points.length;
  const keep = n <= BOARD_MAX_POINTS ? points : evenlySpaced(points, BOARD_MAX_POINTS);
  const list = keep.map((p) => {
    const d: Record<string, unknown> = { index: p.step, data: mediaData(p), create_time: time(p.timestamp) };
    if (p.more !== undefined) d.more = p.more;
    return d;
  });
  if (list.length) list[list.length - 1]._last = true;
  return { sum: n, max: null, min: null, list };
}

function evenlySpaced<T>(items: T[], count: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < count; i++) out.push(items[Math.round((i * (items.length - 1)) / (count - 1))]);
  return out;
}
