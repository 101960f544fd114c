/**
 * One run of a swanlog folder, written like SDK 0.9.7: generation A (`local` mode metadata DB +
 * logs/) and/or generation C (`run-<id>.swanlab`). `['A', 'C']` is what local mode leaves,
 * `['C']` is offline/online mode. This class holds the SDK's logging rules (global step
 * counter, per-key duplicate steps dropped, media files, files/, console banners) and feeds
 * both generation writers.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configYaml, type ConfigValue } from './configYaml';
import { LegacyRunWriter, type MediaLinkMode } from './legacyWriter';
import { isMediaValue, storeMedia, type MediaKind, type MediaValue } from './mediaStore';
import { folderStamp, msToMicros, nowMicros, type Micros } from './pyTime';
import { StepSet } from './stepSet';
import { RecordRunWriter, recordFileName, type FinishState, type SaveKind } from './recordWriter';
import { Rng, runColor, runId } from './rng';
import { debugLogText, metadataJson, requirementsTxt, SDK_VERSION, type MetadataSpec } from './runFiles';

export type WriterGeneration = 'A' | 'C';

export interface RunSpec {
  /** Project name (`^[0-9a-zA-Z_\-+.]+$`); default `swanview-demo`. */
  project?: string;
  /** Experiment name; default the run id. */
  name?: string;
  description?: string;
  /** Run colour `#rrggbb`; default picked from the id. */
  color?: string;
  /** 8 chars `[a-z0-9]`; default random. */
  id?: string;
  tags?: string[];
  config?: Record<string, ConfigValue>;
  metadata?: MetadataSpec;
  requirements?: string[];
  /** Default `['A', 'C']` (local mode). */
  generations?: WriterGeneration[];
  /** ms since epoch; default now. Also the folder name timestamp (local time). */
  startTime?: number;
  /** Time source (ms since epoch) for calls without an explicit time; default the wall clock. */
  clock?: () => number;
  /** Flush after every call (live runs, default) or only when `flushBytes` are buffered. */
  autoFlush?: boolean;
  flushBytes?: number;
  /** Print the SDK's banner lines into the console capture (default true). */
  banner?: boolean;
  mediaLinks?: MediaLinkMode;
}

export type LogValue = number | MediaValue;

export interface LogOptions {
  /** Explicit step; default: one more than the largest step of the run so far (from 0). */
  step?: number;
  /** ms since epoch of the `log()` call. */
  time?: number;
}

export interface FinishOptions {
  /** Traceback text; a default one is made up for crashed/aborted runs. */
  error?: string;
  time?: number;
}

interface KeyInfo {
  key: string;
  kind: 'line' | MediaKind;
  steps: StepSet;
}

export class SwanlogRunWriter {
  readonly runFolder: string;
  readonly runDir: string;
  /** Experiment name as stored (generation A de-duplicates names: `name-1`, …). */
  readonly name: string;
  /** By key as passed to log() (validated once) and by stored key. */
  private keys = new Map<string, KeyInfo>();
  private maxStep = -1;
  private ended = false;
  private config: Record<string, ConfigValue>;

  private constructor(
    readonly root: string,
    runFolder: string,
    readonly id: string,
    name: string,
    private readonly legacy: LegacyRunWriter | null,
    private readonly records: RecordRunWriter | null,
    private readonly clock: () => Micros,
    private readonly autoFlush: boolean,
    private readonly flushBytes: number,
    private readonly banner: boolean,
    config: Record<string, ConfigValue>,
  ) {
    this.runFolder = runFolder;
    this.runDir = path.join(root, runFolder);
    this.name = name;
    this.config = config;
  }

  /** Starts a new run in `root` (created if needed, with the SDK's `.gitignore` when empty). */
  static async create(root: string, spec: RunSpec = {}): Promise<SwanlogRunWriter> {
    const gens = spec.generations ?? ['A', 'C'];
    const clock = spec.clock ? () => msToMicros(spec.clock!()) : nowMicros;
    const start = spec.startTime !== undefined ? msToMicros(spec.startTime) : clock();
    const rng = new Rng(start % 4294967296);
    const id = spec.id ?? runId(rng);
    const project = spec.project ?? 'swanview-demo';
    const color = spec.color ?? runColor(rng);
    const description = spec.description ?? '';
    const config = spec.config ?? {};
    // later stages of start-up take their times from the clock, never before the start
    const at = () => Math.max(clock(), start);

    prepareRoot(root);
    const runFolder = freeFolderName(root, start, id);
    const runDir = path.join(root, runFolder);
    fs.mkdirSync(runDir, { recursive: true });

    const records = gens.includes('C')
      ? RecordRunWriter.create({ runDir, id, project, name: spec.name ?? id, description, color, tags: spec.tags, startTime: start })
      : null;
    const legacy = gens.includes('A')
      ? await LegacyRunWriter.create(
          { root, runFolder, project, name: spec.name ?? id, description, color, sdkVersion: SDK_VERSION, startTime: at() },
          spec.mediaLinks,
        )
      : null;

    const w = new SwanlogRunWriter(
      root,
      runFolder,
      id,
      legacy?.name ?? spec.name ?? id,
      legacy,
      records,
      clock,
      spec.autoFlush ?? true,
      spec.flushBytes ?? 8 * 1024 * 1024,
      spec.banner ?? true,
      config,
    );
    w.writeFiles(spec, at);
    fs.mkdirSync(path.join(runDir, 'debug'), { recursive: true });
    fs.writeFileSync(path.join(runDir, 'debug', 'debug.log'), debugLogText(root, runFolder));
    if (w.banner) w.print(w.startBanner(), { time: at() / 1000 });
    w.maybeFlush();
    return w;
  }

  /**
   * Continues a run folder written before (e.g. by another process that stopped without
   * finishing). The generations present decide what is appended to.
   */
  static async resume(runDir: string, spec: Pick<RunSpec, 'clock' | 'autoFlush' | 'flushBytes' | 'mediaLinks'> = {}): Promise<SwanlogRunWriter> {
    const root = path.dirname(runDir);
    const runFolder = path.basename(runDir);
    const id = runFolder.split('-').slice(2).join('-');
    const clock = spec.clock ? () => msToMicros(spec.clock!()) : nowMicros;
    const records = fs.existsSync(path.join(runDir, recordFileName(id))) ? RecordRunWriter.resume(runDir, id) : null;
    const legacy = fs.existsSync(path.join(root, 'runs.swanlab')) ? await LegacyRunWriter.resume(root, runFolder, spec.mediaLinks).catch(() => null) : null;
    if (!records && !legacy) throw new Error(`${runDir} has neither a record file nor a runs.swanlab row`);
    const w = new SwanlogRunWriter(root, runFolder, id, legacy?.name ?? id, legacy, records, clock, spec.autoFlush ?? true, spec.flushBytes ?? 8 * 1024 * 1024, true, {});
    const known: { key: string; kind: KeyInfo['kind']; steps: number[] }[] = legacy
      ? legacy.knownKeys()
      : [...records!.resumedKeys].map(([key, k]) => ({ key, ...k }));
    for (const { key, kind, steps } of known) {
      const info: KeyInfo = { key, kind, steps: new StepSet() };
      for (const s of [...steps].sort((a, b) => a - b)) {
        if (!info.steps.has(s)) info.steps.add(s);
        w.maxStep = Math.max(w.maxStep, s);
      }
      w.keys.set(key, info);
    }
    return w;
  }

  get generations(): WriterGeneration[] {
    return [...(this.legacy ? ['A' as const] : []), ...(this.records ? ['C' as const] : [])];
  }

  /** Largest step logged so far (-1 before the first point). */
  get lastStep(): number {
    return this.maxStep;
  }

  /**
   * `swanlab.log(values, step)`: numbers become line points, MediaValues media points.
   * Keys that already have this step are skipped (0.8+ SDK core). Returns the step used.
   */
  log(values: Record<string, LogValue>, options: LogOptions = {}): number {
    this.assertOpen();
    const time = options.time !== undefined ? msToMicros(options.time) : this.clock();
    const step = options.step ?? this.maxStep + 1;
    if (!Number.isSafeInteger(step) || step < 0) throw new Error(`invalid step ${step}`);
    if (step > this.maxStep) this.maxStep = step;

    const entries: KeyInfo[] = [];
    const fresh: { key: string; kind: 'line' | MediaKind }[] = [];
    for (const rawKey in values) {
      const value = values[rawKey];
      const kind = typeof value === 'number' ? 'line' : isMediaValue(value) ? value.kind : null;
      if (kind === null) throw new Error(`cannot log ${typeof value} for ${rawKey}`);
      let info = this.keys.get(rawKey);
      if (!info) {
        const key = checkKey(rawKey);
        info = this.keys.get(key);
        if (!info) {
          info = { key, kind, steps: new StepSet() };
          this.keys.set(key, info);
          fresh.push({ key, kind });
        }
        this.keys.set(rawKey, info);
      }
      if (info.kind !== kind) throw new Error(`key ${info.key} is ${info.kind}, cannot log ${kind}`);
      if (info.steps.has(step)) continue;
      info.steps.add(step);
      entries.push(info);
    }
    this.legacy?.declareKeys(fresh, time);
    for (const info of entries) {
      const value = values[info.key] ?? findValue(values, info.key);
      if (info.kind === 'line') {
        this.legacy?.scalar(info.key, step, value as number, time);
        this.records?.scalar(info.key, step, value as number, time);
      } else {
        const items = storeMedia(this.runDir, step, value as MediaValue);
        this.legacy?.media(info.key, step, items, time);
        this.records?.media(info.key, step, info.kind, items, time);
      }
    }
    this.maybeFlush();
    return step;
  }

  /** Console output (`print()` in the training script); several lines allowed. */
  print(text: string, options: { time?: number; stream?: 'stdout' | 'stderr' } = {}): void {
    this.assertOpen();
    let time = options.time !== undefined ? msToMicros(options.time) : this.clock();
    for (const raw of text.replace(/\n$/, '').split('\n')) {
      const line = raw.slice(raw.lastIndexOf('\r') + 1); // progress bars: text after the last \r
      this.legacy?.console(line, time);
      this.records?.log(line, time);
      time += 6;
    }
    this.maybeFlush();
  }

  /** `swanlab.config.update(...)`: rewrites files/config.yaml (+ a config save record). */
  updateConfig(patch: Record<string, ConfigValue>, options: { time?: number } = {}): void {
    this.assertOpen();
    const time = options.time !== undefined ? msToMicros(options.time) : this.clock();
    this.config = { ...this.config, ...patch };
    const file = path.join(this.runDir, 'files', 'config.yaml');
    fs.writeFileSync(file, configYaml(this.config));
    this.records?.save('config', path.resolve(file), time);
    this.maybeFlush();
  }

  /** Writes everything buffered so far. */
  flush(): void {
    this.legacy?.flush();
    this.records?.flush();
  }

  /** `swanlab.finish()` / an exception / Ctrl-C. */
  finish(state: FinishState = 'finished', options: FinishOptions = {}): void {
    this.assertOpen();
    const time = options.time !== undefined ? msToMicros(options.time) : this.clock();
    const error = state === 'finished' ? null : (options.error ?? defaultTraceback(state));
    if (this.banner) this.print(this.endBanner(state), { time: time / 1000 });
    this.records?.finish(state, error, time + 200);
    this.legacy?.finish(error === null ? 1 : -1, error, time + 300);
    this.ended = true;
  }

  /**
   * The process dies (SIGKILL): buffered data is written (or dropped with `dropBuffered`), no
   * end marker anywhere; `tornTail` leaves a half-written last record like the real SDK.
   */
  kill(options: { tornTail?: boolean; dropBuffered?: boolean } = {}): void {
    if (this.ended) return;
    if (!options.dropBuffered) this.flush();
    this.legacy?.close();
    this.records?.close({ tornTail: options.tornTail });
    this.ended = true;
  }

  private maybeFlush(): void {
    if (this.autoFlush) this.flush();
    else if ((this.legacy?.buffered ?? 0) + (this.records?.buffered ?? 0) >= this.flushBytes) this.flush();
  }

  private assertOpen(): void {
    if (this.ended) throw new Error(`run ${this.runFolder} has ended`);
  }

  private writeFiles(spec: RunSpec, at: () => Micros): void {
    const files = path.join(this.runDir, 'files');
    fs.mkdirSync(files, { recursive: true });
    const write = (kind: SaveKind, name: string, text: string, t: Micros) => {
      const file = path.join(files, name);
      fs.writeFileSync(file, text);
      this.records?.save(kind, path.resolve(file), t);
    };
    write('config', 'config.yaml', configYaml(this.config), at());
    write('metadata', 'swanlab-metadata.json', metadataJson(path.resolve(this.runDir), spec.metadata), at());
    write('requirements', 'requirements.txt', requirementsTxt(spec.requirements), at());
  }

  private relRunDir(): string {
    return `${path.basename(this.root)}/${this.runFolder}`;
  }

  private startBanner(): string {
    const lines = [`swanlab: Tracking run with swanlab version ${SDK_VERSION}`, `swanlab: 💾 Run data saved at ${this.relRunDir()}`];
    lines.push(...this.whereToLook());
    return lines.join('\n');
  }

  private endBanner(state: FinishState): string {
    const lines: string[] = [];
    if (state === 'crashed') lines.push('swanlab: Error happened while training');
    if (state === 'aborted') lines.push('swanlab: KeyboardInterrupt by user');
    lines.push(...this.whereToLook());
    return lines.join('\n');
  }

  /** Local mode points to the dashboard, offline mode to `swanlab sync` (wrapped by rich at 80 columns). */
  private whereToLook(): string[] {
    if (this.legacy) return [`swanlab: 🌟 Run \`swanlab watch ${path.basename(this.root)}\` to view SwanLab Experiment Dashboard`];
    return [`swanlab: ⚡️ Run \`swanlab sync ${this.relRunDir()}\` to sync this`, 'run'];
  }
}

/** The value of a key that was passed with surrounding spaces. */
function findValue(values: Record<string, LogValue>, key: string): LogValue {
  for (const raw in values) if (raw.trim() === key) return values[raw];
  throw new Error(`no value for ${key}`);
}

/** Keys are stripped; leading/trailing `.` or `/` are rejected like the SDK does. */
function checkKey(raw: string): string {
  const key = raw.trim();
  if (!key || key.length > 255 || /^[./]|[./]$/.test(key)) throw new Error(`invalid key ${JSON.stringify(raw)}`);
  return key;
}

function prepareRoot(root: string): void {
  const empty = !fs.existsSync(root) || fs.readdirSync(root).length === 0;
  fs.mkdirSync(root, { recursive: true });
  if (empty) fs.writeFileSync(path.join(root, '.gitignore'), '*');
}

/** `run-<local YYYYMMDD_HHMMSS>-<id>`; like the SDK, a taken name moves on by a second. */
function freeFolderName(root: string, start: Micros, id: string): string {
  for (let t = start; ; t += 1_000_000) {
    const name = `run-${folderStamp(t)}-${id}`;
    if (!fs.existsSync(path.join(root, name))) return name;
  }
}

function defaultTraceback(state: FinishState): string {
  if (state === 'aborted') {
    return [
      'Traceback (most recent call last):',
      '  File "/home/user/project/train.py", line 88, in <module>',
      '    main()',
      '  File "/home/user/project/train.py", line 61, in main',
      '    loss.backward()',
      'KeyboardInterrupt',
      '',
    ].join('\n');
  }
  return [
    'Traceback (most recent call last):',
    '  File "/home/user/project/train.py", line 88, in <module>',
    '    main()',
    '  File "/home/user/project/train.py", line 71, in main',
    '    raise RuntimeError("CUDA out of memory. Tried to allocate 2.00 GiB")',
    'RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB',
    '',
  ].join('\n');
}
