import type { MetricKeyInfo, NumericSeries, RunInfo } from '../../shared/domain';
import type { ExportableRun } from '../export/exportableRun';
import type { CloudRun } from './cloudTypes';
import { SeriesLoader } from './seriesLoader';
import type { SwanlabClient } from './swanlabClient';

/** A run of a SwanLab account for the export writers: full-resolution series fetched on demand. */
export class CloudExportRun implements ExportableRun {
  readonly files: { readonly config: Record<string, unknown> | null };
  private readonly loader: SeriesLoader;

  private constructor(private readonly run: CloudRun, private readonly keyList: MetricKeyInfo[], client: SwanlabClient) {
    this.files = { config: run.config };
    this.loader = new SeriesLoader((keys) => client.fullScalars(run.ref, keys));
  }

  static async load(client: SwanlabClient, run: CloudRun): Promise<CloudExportRun> {
    return new CloudExportRun(run, await client.metricKeys(run.ref), client);
  }

  info(): RunInfo {
    return this.run.info;
  }

  keys(): MetricKeyInfo[] {
    return this.keyList;
  }

  async series(key: string): Promise<NumericSeries | null> {
    return this.keyList.some((k) => k.key === key && k.type === 'line') ? this.loader.load(key) : null;
  }
}
