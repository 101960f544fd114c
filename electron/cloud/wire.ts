/**
 * Shapes of the server's JSON answers (protocol doc §4, §5), as loose as the SDK reads them:
 * unknown fields pass, fields the SDK treats as optional are optional.
 */
import { z } from 'zod';

const text = z.string().nullish();
/** A number, or a string the server uses for non-finite values ("NaN", "INF", "-INF"). */
const wireNumber = z.union([z.number(), z.string()]).nullish();

export function pageOf<T extends z.ZodType>(item: T) {
  return z.looseObject({ list: z.array(item).nullish(), size: z.number().nullish(), pages: z.number().nullish(), total: z.number().nullish() });
}

export const workspaceSchema = z.looseObject({
  username: z.string(), name: text, type: text, role: text, comment: text,
});

export const projectSchema = z.looseObject({
  cuid: z.string(),
  name: z.string(),
  username: text,
  path: text,
  description: text,
  visibility: text,
  createdAt: text,
  updatedAt: text,
  group: z.looseObject({ username: text, name: text, type: text }).nullish(),
  _count: z.record(z.string(), z.unknown().optional()).nullish(),
  role: text,
});
export type WireProject = z.infer<typeof projectSchema>;

const label = z.union([z.string(), z.looseObject({ name: z.string() })]);

export const runSchema = z.looseObject({
  cuid: z.string(),
  slug: text,
  name: text,
  description: text,
  state: text,
  labels: z.array(label).nullish(),
  colors: z.array(z.string()).nullish(),
  cluster: text,
  job: text,
  type: text,
  pin: z.boolean().nullish(),
  createdAt: text,
  finishedAt: text,
  updatedAt: text,
  user: z.looseObject({ username: text, name: text }).nullish(),
  rootExpId: text,
  rootProId: text,
  project_id: text,
  profile: z.looseObject({ config: z.unknown().optional(), metadata: z.unknown().optional(), requirements: z.unknown().optional(), conda: z.unknown().optional() }).nullish(),
});
export type WireRun = z.infer<typeof runSchema>;

/** `runs/shows`: a flat list, or groups (nested to any depth) of lists. */
export type WireRunGroups = WireRun[] | { [group: string]: WireRunGroups };
export const runGroupsSchema: z.ZodType<WireRunGroups> = z.lazy(() => z.union([z.array(runSchema), z.record(z.string(), runGroupsSchema)]));

export const keysPageSchema = z.looseObject({ keys: z.array(z.string()).nullish(), hasMore: z.boolean().nullish(), nextCursor: text });

export const columnSchema = z.looseObject({ key: z.string(), name: text, type: text, class: text, error: z.unknown().optional() });

export const pointSchema = z.looseObject({ index: wireNumber, step: wireNumber, data: wireNumber, value: wireNumber, timestamp: wireNumber });
export type WirePoint = z.infer<typeof pointSchema>;

export const scalarSchema = z.array(z.looseObject({ key: z.string(), metrics: z.array(pointSchema).nullish() }).nullable());

const statSchema = z.looseObject({ index: wireNumber, data: wireNumber }).nullish();
export const statsSchema = z.array(z.looseObject({ key: z.string(), min: statSchema, max: statSchema, avg: statSchema, median: statSchema, latest: statSchema }).nullable());
export type WireStats = NonNullable<z.infer<typeof statsSchema>[number]>;

/** New (0.9) and legacy (OpenApi) summaries share the outer shape; min/max differ. */
export const summariesSchema = z.record(z.string(), z.record(z.string(), z.looseObject({
  step: wireNumber, value: wireNumber, min: z.unknown().optional(), max: z.unknown().optional(), avg: wireNumber, median: wireNumber, stdDev: wireNumber,
})).nullable());

export const cosKeySchema = z.looseObject({ cosKey: z.string().min(1) });
export const urlsSchema = z.looseObject({ urls: z.array(z.string()) });
export const columnCsvSchema = z.union([z.looseObject({ url: z.string() }), z.array(z.looseObject({ url: z.string() })).min(1)]);

export const logsSchema = z.looseObject({
  logs: z.array(z.looseObject({ epoch: wireNumber, level: text, message: text, tag: text, timestamp: text })).nullish(),
  count: z.number().nullish(),
});
export type WireLog = NonNullable<z.infer<typeof logsSchema>['logs']>[number];

const mediaStepSchema = z.looseObject({ index: wireNumber, data: z.array(z.string()).nullish(), more: z.array(z.unknown()).nullish() });
export const fullMediaSchema = z.array(z.looseObject({ key: z.string(), metrics: z.array(mediaStepSchema.nullable()).nullish() }).nullable());
export type WireMediaStep = z.infer<typeof mediaStepSchema>;

export const selfHostedInfoSchema = z.looseObject({
  enabled: z.boolean().nullish(), expired: z.boolean().nullish(), root: z.boolean().nullish(), plan: text, seats: z.number().nullish(),
});

export const userSchema = z.looseObject({ username: z.string(), name: text, email: text });
export const anySchema = z.unknown();
