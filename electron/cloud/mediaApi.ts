import type { MediaPoint } from '../../shared/domain';
import type { ClientContext } from './clientContext';
import type { RunRef } from './cloudTypes';
import { columnRef } from './columnRefs';
import { mediaPointsFrom } from './mapMedia';
import { downloadPresigned, presignResource } from './presigned';
import { fullMediaSchema } from './wire';

/** Every step of a media key (`house/metrics/f_media`); items name stored paths, not URLs. */
export async function runMedia(ctx: ClientContext, ref: RunRef, key: string): Promise<MediaPoint[]> {
  const entries = await ctx.api.call('POST', '/house/metrics/f_media', fullMediaSchema, { body: { projectId: ref.projectId, columns: [columnRef(ref, key)] } });
  const entry = entries.find((e) => e?.key === key);
  return entry ? mediaPointsFrom(entry.metrics ?? []) : [];
}

/** The bytes of one stored media file of the run, through a fresh presigned URL. */
export function mediaBytes(ctx: ClientContext, ref: RunRef, path: string): Promise<Buffer> {
  return downloadPresigned(ctx, () => presignResource(ctx, `${ref.projectId}/${ref.cuid}`, path));
}
