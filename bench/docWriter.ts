/** docs/performance.md: how to run the benchmark, what each figure means, and the latest figures. */
import * as fs from 'node:fs';
import type { MachineInfo } from './machine';
import { markdownTable, verdictLine } from './report';
import type { SuiteResult } from './suite';
import type { Figure } from './targets';

export interface DocInput {
  machine: MachineInfo;
  quick: boolean;
  result: SuiteResult;
  before: { label: string; figures: Figure[] } | null;
  loadAtEnd?: number;
}

const HOW = `## How to run

\`\`\`sh
npm run bench                        # build, then node dist/bench/run.js
npm run bench -- --quick             # smaller datasets (200k instead of 1M points), no 50-run set
node dist/bench/run.js --skip-big     # everything but the 50-run dataset
\`\`\`

Other options: \`--before FILE\` compares with an earlier \`results.json\` (default \`bench/baseline.json\`),
\`--no-doc\` / \`--doc\` (full runs rewrite this file, quick runs only with \`--doc\`).
Datasets are written by our own writer (\`electron/swanlog/writer\`) into \`bench/out/datasets/\`
(git-ignored) and reused while their spec is unchanged; the 50-run dataset takes about 16 GB and
a quarter of an hour to write once. Every measurement runs in a fresh Node process
(\`bench/probe.ts\`). The smaller datasets are read from the page cache (these figures are about
parsing, not disk); the 16.7 GB of the 50-run dataset do not fit in it next to everything else,
so its open time includes disk reads.
The full figures also go to \`bench/out/results.json\`.`;

const MEANING = `## What the figures mean

* **parse** — MB of input per second through the real readers, ending with the series built:
  \`MetricFolderReader\` over every \`logs/<folder>/\` (generation A \`.log\` JSON lines),
  \`RecordFileReader\` over \`run-<id>.swanlab\` (C, protobuf) or \`backup.swanlab\` (B, JSON).
  The judged value is the median of several passes in one process; "first pass" is the first
  one in a fresh process (JIT still cold); "per CPU-second" divides by the CPU time the process
  used (all threads) instead of the wall-clock time, which shows what the code costs when other
  processes compete for the two cores (see the load average above). Target ≥ 100 MB/s (wall clock).
* **line parser alone** — \`scanLogLine\` (legacy/logLine.ts; its fast path takes the exact bytes
  the SDK writes for a scalar point, anything else goes through a tolerant JSON parser) over the
  dataset's lines held in memory: the parsing share of the generation-A figure, without I/O.
* **LocalWorkspace.open + all series** — the whole read (discovery, runs.swanlab, config and
  metadata files, console, every record file and every metric: \`open\` then \`loadAll\`; opening
  alone reads metadata only) over all bytes of the folder.
* **resident bytes per loaded point** — growth of V8 heap + off-heap buffers
  (\`heapUsed + external\` of \`process.memoryUsage()\` after a forced GC) from before opening the
  folder to after every series was materialised, divided by the points shown (run × key × step).
  Target ≤ 32 B (a point is three float64s: step, value, time = 24 B). A local-mode run (A+C)
  loads every point twice, from logs/ and from the record file (it shows the fuller copy): it is
  judged per loaded copy, and the figure per distinct point is shown under it. The sql.js WASM
  instance (~20 MB, a fixed cost) is loaded before the baseline.
  "RSS growth" is the same for the process RSS (includes allocator slack, informational).
* **tag request** — \`GET /api/v1/experiment/<id>/tag/<key>\` through the real HTTP server
  (\`startServer\`) with \`fetch\`, for a 100k-point metric. Cold = the first request after the
  folder was opened and \`/api/v1/project\` was served (the tag data not computed yet, the JIT cold
  for the tag path); warm = median (and p95) of 50 more. Target warm ≤ 10 ms (SwanLab's own board:
  ~500 ms warm here). It runs after the memory figures, whose series are views of the readers'
  storage (building them copies nothing).
* **refresh +1000 pts** — a run is opened and the key's series read, then our writer resumes it and appends 1000 points of
  one key (flushed), and \`ws.refresh()\` is timed; median of 10 rounds. "bytes read" is the growth
  of \`rchar\` in \`/proc/self/io\` during the refresh (every byte the process read, page cache
  included): it must follow the appended bytes (≤ 2 × appended + 64 KiB), not the file size. The
  CPU time of the refresh on the 1M-point run must stay within 2 × (+ 2 ms) of the same append on
  a 10k-point run (CPU time of the process, all threads; the wall time is shown too but swings
  with the load of the machine). "then series()" is the cost of getting the grown series afterwards.
* **50 runs × 20 keys × 100k points** (A+C, 100M points) — time to open it (metadata only), then to
  read every record file and series (\`loadAll\`), memory, and a tag request on one of its metrics.`;

export function writePerformanceDoc(file: string, d: DocInput): void {
  const m = d.machine;
  const ds = d.result.datasets
    .filter((x, i, all) => all.findIndex((y) => y.name === x.name) === i)
    .map((x) => `| ${x.name} | ${x.generation} | ${x.runs} | ${x.keys} | ${x.points.toLocaleString('en-US')} | ${x.mb.toFixed(0)} | ${x.writeSeconds.toFixed(0)} |`);
  const text = [
    '# Performance',
    '',
    'Figures from `npm run bench` (bench/run.ts). Regenerated by every full run of the benchmark.',
    '',
    `Machine: ${m.cores} cores (\`nproc\`), ${m.cpu}, ${m.ramGb} GiB RAM, Node ${m.node}, ${m.os}. Run ${m.date}${d.quick ? ' (quick mode)' : ''}; load average ${m.load} at the start${d.loadAtEnd !== undefined ? `, ${d.loadAtEnd} at the end` : ''}.`,
    '',
    `**${verdictLine(d.result.figures)}.**`,
    '',
    '## Results',
    '',
    d.before ? `"before" = ${d.before.label}. Both columns come from this same machine, which is shared: wall-clock figures swing with its load (the CPU-time rows are steadier).\n` : '',
    markdownTable(d.result.figures, d.before?.figures ?? null),
    '',
    '### Datasets',
    '',
    '| name | generation | runs | keys/run | points | MB | write s |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...ds,
    '',
    HOW,
    '',
    MEANING,
    '',
  ].join('\n');
  fs.writeFileSync(file, text.replace(/\n{3,}/g, '\n\n'));
}
