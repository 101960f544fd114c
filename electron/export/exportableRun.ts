import type { MetricKeyInfo, NumericSeries, RunInfo } from '../../shared/domain';

/**
 * What the export writers need of a run, local (a swanlog folder) or remote (a SwanLab
 * account): identity, keys, full-resolution series (a remote run fetches them) and config.
 */
export interface ExportableRun {
  info(): RunInfo;
  keys(): MetricKeyInfo[];
  series(key: string): NumericSeries | null | Promise<NumericSeries | null>;
  /** Resolves once keys() is complete (a local run opened lazily reads its record file first). */
  ready?(): Promise<void>;
  readonly files?: { readonly config: Record<string, unknown> | null } | null;
}
