import type { ConsoleLine } from '../../shared/domain';
import type { ClientContext } from './clientContext';
import type { RunRef } from './cloudTypes';
import { consoleLineFrom } from './mapConsole';
import { logsSchema } from './wire';

const SHARD = 1000;

/**
 * Every console line of a run: `house/metrics/log` shard by shard (`epoch` = shard index,
 * `size` lines each) until `count` lines arrived or a shard is empty. `level=DEBUG` asks for
 * all levels, reading `level` as a minimum (the doc does not say; see the report).
 */
export async function runLogs(ctx: ClientContext, ref: RunRef): Promise<ConsoleLine[]> {
  const lines: ConsoleLine[] = [];
  for (let epoch = 0; ; epoch++) {
    const query = {
      projectId: ref.projectId, experimentId: ref.cuid, size: SHARD, epoch, level: 'DEBUG',
      createdAt: ref.createdAtSec ?? undefined, rootProId: ref.rootProId ?? undefined, rootExpId: ref.rootExpId ?? undefined,
    };
    const res = await ctx.api.call('GET', '/house/metrics/log', logsSchema, { query });
    const logs = res.logs ?? [];
    lines.push(...logs.map(consoleLineFrom));
    if (!logs.length || lines.length >= (res.count ?? 0)) return lines;
  }
}
