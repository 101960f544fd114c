import type { ConsoleLine } from '../../shared/domain';
import type { ClientContext } from './clientContext';
import type { RunRef } from './cloudTypes';
import { consoleLineFrom } from './mapConsole';
import { logsSchema } from './wire';

/** Lines per shard of `house/metrics/log` (the SDK's `size`). */
export const LOG_SHARD = 1000;

/** Console lines from one shard on. */
export interface LogShards {
  /** The shard the first line belongs to: `lines[0]` is line `fromShard * LOG_SHARD`. */
  fromShard: number;
  lines: ConsoleLine[];
  /** The server's line count (null when it did not say). */
  count: number | null;
}

/**
 * Console lines of a run from shard `fromShard` on: `house/metrics/log` shard by shard
 * (`epoch` = shard index — the SDK's "标记第几个分片" — `size` lines each) until `count` lines
 * are known or a shard comes back empty (short, when the server gives no count). `level=DEBUG` asks for all levels, reading `level` as
 * a minimum (the doc does not say).
 */
export async function runLogsFrom(ctx: ClientContext, ref: RunRef, fromShard = 0): Promise<LogShards> {
  const lines: ConsoleLine[] = [];
  let count: number | null = null;
  for (let epoch = fromShard; ; epoch++) {
    const query = {
      projectId: ref.projectId, experimentId: ref.cuid, size: LOG_SHARD, epoch, level: 'DEBUG',
      createdAt: ref.createdAtSec ?? undefined, rootProId: ref.rootProId ?? undefined, rootExpId: ref.rootExpId ?? undefined,
    };
    const res = await ctx.api.call('GET', '/house/metrics/log', logsSchema, { query });
    const logs = res.logs ?? [];
    count = res.count ?? count;
    lines.push(...logs.map(consoleLineFrom));
    const known = fromShard * LOG_SHARD + lines.length;
    if (!logs.length || (count === null ? logs.length < LOG_SHARD : known >= count)) return { fromShard, lines, count };
  }
}

/** Every console line of a run. */
export async function runLogs(ctx: ClientContext, ref: RunRef): Promise<ConsoleLine[]> {
  return (await runLogsFrom(ctx, ref, 0)).lines;
}
