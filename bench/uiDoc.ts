/**
 * The UI figures' own section of docs/performance.md, after what bench/docWriter.ts wrote: it
 * replaces an earlier UI section, so `--ui-only` runs keep the other figures of the file.
 */
import * as fs from 'node:fs';
import type { MachineInfo } from './machine';
import { markdownTable, verdictLine } from './report';
import type { Figure } from './targets';

const START = '<!-- ui-bench:start -->';
const END = '<!-- ui-bench:end -->';

const MEANING = `What is measured, per dataset (all \`A+C\`, 20 keys per run):

1. The dataset's files are dropped from the page cache (\`posix_fadvise(DONTNEED)\` on each file of
   the folder, nothing else); the VM's host may still cache the disk, so "cold" means the guest's
   page cache.
2. **swanview serve: start to listening** — from spawning \`node dist/electron/cli/main.js serve
   FOLDER --port 0\` to its URL on stdout. The server opens the folder before it listens, metadata
   only: DB rows, \`files/\`, the \`logs/\` listing, the first 64 KiB and the last 64 KiB of each
   record file (statuses, keys, issues). No point is read. Once listening it reads the record files
   in the background when no request is waiting (keys that appear later, counts, console).
3. **page load to first chart painted (cold)** — the first page load: the server has read no
   series yet, the files are not in the page cache. \`performance.now()\` in the page (ms since
   navigation start) when the first \`[data-testid="chart-panel"] canvas\` has a painted pixel,
   polled every animation frame (the canvas is mounted when the chart's data arrived). When the
   series of the chart's runs are not read within 50–150 ms, the server answers with a **preview**
   (\`SeriesData.preview\`: up to 16 windows of 4 KiB of each run's \`logs/<folder>/\`, plus the end
   of its last file; min/max-downsampled like the exact series but built from a sample, so a spike
   between windows is missing) and the chart shows "refining…". The note says which it was.
   **Target ≤ 1.5 s.**
4. **→ first chart exact (cold)** — same load, when the first chart shows the exact series: every
   point read, min/max buckets (no spike lost). The server announces the key as grown once all of
   the chart's runs are read; the page asks again (after its 400 ms debounce of live changes).
   **→ first screen exact** — when every chart in the 1440×900 viewport does (the series of its
   runs are read in request order, two at a time, one core).
5. **page load to first chart painted (warm)** — two more loads in fresh browser contexts: the
   server has read those series by then (median of the two).
6. **series.get bytes per chart** — body bytes of the \`/rpc/series.get\` responses without a zoom
   range (previews and exact answers), divided by their number. A chart is downsampled to its width,
   so a 100k-point key must cost no more than 1.1× a 10k-point key (same 5 runs, same viewport; the
   longer step numbers are the allowance). Timestamps are not sent (no chart uses them).
7. **frame time while zooming** — after the first screen is exact: deltas between
   \`requestAnimationFrame\` callbacks during 3 drag-zooms (each waits for its re-downsampled
   window, then a double-click resets) and 6 Ctrl+wheel steps on the first chart; median and p95
   over the three loads. Headless Chromium with \`--disable-gpu\` (software rendering) on the shared
   machine; 16.7 ms is one frame at 60 Hz. The server may be reading record files in the background
   meanwhile (it pauses 300 ms after each request).`;

export function writeUiSection(file: string, machine: MachineInfo, figures: Figure[]): void {
  const section = [
    START,
    '## Desktop viewer (UI)',
    '',
    `From \`npm run bench\` or \`npm run bench -- --ui-only\` (bench/uiSuite.ts): \`swanview serve\` on a generated folder, the page opened in Debian's Chromium ${machine.date}, ${machine.cores} cores (${machine.cpu}), load average ${machine.load} at the start (the machine is shared: wall-clock figures swing with it).`,
    '',
    `**${verdictLine(figures)}.**`,
    '',
    markdownTable(figures, null),
    '',
    MEANING,
    END,
  ].join('\n');
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Performance\n';
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  const kept = start >= 0 && end > start ? text.slice(0, start) + text.slice(end + END.length) : text;
  fs.writeFileSync(file, `${kept.trimEnd()}\n\n${section}\n`);
}
