import type { ConsoleLine, MediaItem, MediaPoint, MetricType } from '../../../shared/domain';
import { SeriesBuilder } from '../../../shared/seriesBuilder';
import type { RecordColumn, RecordFinish, RecordRunInfo, RecordSink, SavedFileRole } from './recordSink';

export type { RecordColumn, RecordFinish, RecordRunInfo } from './recordSink';

/** Everything a record file said so far, the same shape for generations B and C. */
export interface RecordFileContent {
  generation: 'B' | 'C';
  /** File header version (0, 1 = B; 2 = C), null until the header was read. */
  version: number | null;
  path: string;
  project: string | null;
  workspace: string | null;
  run: RecordRunInfo;
  finish: null | RecordFinish;
  /** Insertion order = first-seen order. */
  columns: Map<string, RecordColumn>;
  scalars: Map<string, SeriesBuilder>;
  /** Keys whose values another copy serves (see RecordContentBuilder's countOnly): only their counts. */
  scalarCounts: Map<string, ScalarCount>;
  /** Items' `file` is relative to the run folder. */
  media: Map<string, MediaPoint[]>;
  logs: ConsoleLine[];
  /** File names inside files/. */
  files: Record<SavedFileRole, string | null>;
  /** Complete records read (including ones that could not be decoded). */
  records: number;
  /** Records whose frames were intact but whose payload could not be decoded (skipped). */
  undecodable: number;
  /** Bytes of the file examined so far (its size at the last read). */
  bytesRead: number;
  /** Where reading stopped early: a torn tail (maybe a live writer), corruption or a bad header. */
  torn: null | { offset: number; reason: string };
  /** Newest scalar or media timestamp (ms since epoch) read so far, counted keys included; -Infinity when none. */
  lastDataMs: number;
}

export interface RecordDelta {
  /** Keys first seen (column or point) since the previous refresh. */
  newKeys: string[];
  /** Keys seen before that got new points. */
  grownKeys: string[];
  newLogLines: number;
  /** A finish record arrived since the previous refresh. */
  finished: boolean;
  /** Bytes read from the file by this refresh. */
  bytes: number;
}

export function emptyContent(path: string, generation: 'B' | 'C'): RecordFileContent {
  return {
    generation,
    version: null,
    path,
    project: null,
    workspace: null,
    run: { id: null, name: null, description: null, colors: null, tags: [], group: null, jobType: null, startedAt: null },
    finish: null,
    columns: new Map(),
    scalars: new Map(),
    scalarCounts: new Map(),
    media: new Map(),
    logs: [],
    files: { config: null, metadata: null, requirements: null, conda: null },
    records: 0,
    undecodable: 0,
    bytesRead: 0,
    torn: null,
    lastDataMs: -Infinity,
  };
}

/** How many points a key has, kept instead of the points themselves. */
export class ScalarCount {
  length = 0;
  /** Every step was above the one before: `length` is then the number of distinct steps. */
  inOrder = true;
  /** Highest step seen; -Infinity when none. */
  maxStep = -Infinity;
  private lastStep = -Infinity;

  push(step: number): void {
    if (step <= this.lastStep) this.inOrder = false;
    this.lastStep = step;
    if (step > this.maxStep) this.maxStep = step;
    this.length++;
  }

  /** Distinct steps as SeriesBuilder.build() would give them; Infinity when repeats make it unknown. */
  get distinct(): number {
    return this.inOrder ? this.length : Infinity;
  }
}

const SYSTEM_KEY_PREFIX = '__swanlab__.';

/** Accumulates sink calls into a RecordFileContent and tracks what changed since the last delta. */
export class RecordContentBuilder implements RecordSink {
  readonly content: RecordFileContent;
  /** Generation-C text items whose content still has to be read from media/text/. */
  readonly unreadTexts: MediaItem[] = [];
  private newKeys = new Set<string>();
  /** Point count per key at the previous delta (cheaper than marking keys on every point). */
  private countsAtLastDelta = new Map<string, number>();
  private newLogLines = 0;
  private finishedNow = false;

  /** `countOnly(key)`, asked at a key's first scalar: keep only a count of its points, not their values. */
  constructor(path: string, generation: 'B' | 'C', private readonly countOnly: (key: string) => boolean = () => false) {
    this.content = emptyContent(path, generation);
  }

  takeDelta(bytes: number): RecordDelta {
    const grownKeys: string[] = [];
    const counts: [string, number][] = [
      ...[...this.content.scalars].map(([k, s]): [string, number] => [k, s.length]),
      ...[...this.content.scalarCounts].map(([k, c]): [string, number] => [k, c.length]),
      ...[...this.content.media].map(([k, p]): [string, number] => [k, p.length]),
    ];
    for (const [key, count] of counts) {
      if (count !== (this.countsAtLastDelta.get(key) ?? 0) && !this.newKeys.has(key)) grownKeys.push(key);
      this.countsAtLastDelta.set(key, count);
    }
    const delta: RecordDelta = {
      newKeys: [...this.newKeys],
      grownKeys,
      newLogLines: this.newLogLines,
      finished: this.finishedNow,
      bytes,
    };
    this.newKeys.clear();
    this.newLogLines = 0;
    this.finishedNow = false;
    return delta;
  }

  project(name: string | null, workspace: string | null): void {
    this.content.project = name;
    this.content.workspace = workspace;
  }

  run(info: Partial<RecordRunInfo>): void {
    const run = this.content.run as unknown as Record<string, unknown>;
    for (const [field, value] of Object.entries(info)) if (value !== undefined) run[field] = value;
  }

  finish(finish: RecordFinish): void {
    this.content.finish = finish;
    this.finishedNow = true;
  }

  column(column: RecordColumn): void {
    if (this.content.columns.has(column.key)) return; // first definition wins
    this.content.columns.set(column.key, column);
    this.newKeys.add(column.key);
  }

  scalar(key: string, step: number, value: number, timestamp: number, legacyNonFinite: boolean): void {
    if (timestamp > this.content.lastDataMs) this.content.lastDataMs = timestamp;
    let count = this.content.scalarCounts.get(key);
    if (count) return count.push(step);
    let series = this.content.scalars.get(key);
    if (!series) {
      this.ensureColumn(key, 'line');
      if (this.countOnly(key)) {
        this.content.scalarCounts.set(key, (count = new ScalarCount()));
        return count.push(step);
      }
      series = new SeriesBuilder();
      this.content.scalars.set(key, series);
    }
    series.push(step, value, timestamp);
    if (legacyNonFinite) series.legacyNonFinite = true;
  }

  media(key: string, type: MetricType | null, point: MediaPoint): void {
    if (point.timestamp > this.content.lastDataMs) this.content.lastDataMs = point.timestamp;
    const column = this.ensureColumn(key, type ?? guessMediaType(point));
    let points = this.content.media.get(key);
    if (!points) {
      points = [];
      this.content.media.set(key, points);
    }
    points.push(point);
    if ((type ?? column.type) === 'text') {
      for (const item of point.items) if (item.text === null && item.file !== null) this.unreadTexts.push(item);
    }
  }

  log(line: ConsoleLine): void {
    this.content.logs.push(line);
    this.newLogLines++;
  }

  file(role: SavedFileRole, name: string): void {
    this.content.files[role] = name;
  }

  /** A point for a key without a column record: invent a plain column for it. */
  private ensureColumn(key: string, type: MetricType): RecordColumn {
    const known = this.content.columns.get(key);
    if (known) return known;
    const system = key.startsWith(SYSTEM_KEY_PREFIX);
    const slash = key.indexOf('/');
    const column: RecordColumn = {
      key,
      kid: null,
      type,
      system,
      sectionName: system || slash < 0 ? null : key.slice(0, slash),
      sectionType: system ? 'SYSTEM' : null,
      displayName: null,
      chartName: null,
      chartIndex: null,
      yRange: null,
      error: null,
    };
    this.column(column);
    return column;
  }
}

function guessMediaType(point: MediaPoint): MetricType {
  return point.items.length > 0 && point.items.every((i) => i.file === null) ? 'text' : 'image';
}
