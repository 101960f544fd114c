type Scalar = string | number | boolean | null;

const MAX_TEXT = 200;

/**
 * A run's config as dotted paths to scalars (`{optimizer: {lr: 0.001}}` → `optimizer.lr`), for
 * the runs table's columns and filters. Arrays become their JSON text (cut at 200 characters),
 * non-finite numbers their names; empty objects vanish.
 */
export function flattenConfig(config: Record<string, unknown> | null | undefined): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  const walk = (value: unknown, at: string) => {
    if (value === null || value === undefined) out[at] = null;
    else if (typeof value === 'number') out[at] = Number.isFinite(value) ? value : String(value);
    else if (typeof value === 'string' || typeof value === 'boolean') out[at] = value;
    else if (typeof value === 'bigint') out[at] = Number(value);
    else if (Array.isArray(value)) {
      const text = JSON.stringify(value) ?? '[]';
      out[at] = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
    } else if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, at ? `${at}.${k}` : k);
    } else out[at] = String(value);
  };
  if (config) for (const [k, v] of Object.entries(config)) walk(v, k);
  return out;
}
