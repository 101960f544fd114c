import { parseIsoMs } from '../../../shared/time';

/** Run duration as "1h 02m 03s" / "4m 05s" / "12s"; null when either end is unknown. */
export function formatDuration(ms: number | null): string | null {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return null;
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (h > 0) return `${h}h ${pad(m)}m ${pad(s)}s`;
  if (m > 0) return `${m}m ${pad(s)}s`;
  return `${s}s`;
}

/** Milliseconds from start to finish; `lastSeen` (ms) stands in for the end of unfinished runs. */
export function runDurationMs(createdAt: string | null, finishedAt: string | null, lastSeen: number): number | null {
  if (!createdAt) return null;
  const start = parseIsoMs(createdAt);
  const end = finishedAt ? parseIsoMs(finishedAt) : lastSeen;
  return Number.isNaN(start) || Number.isNaN(end) ? null : end - start;
}
