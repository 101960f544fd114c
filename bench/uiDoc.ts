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

const MEANING = `* **swanview serve: start to listening** — from spawning \`node dist/electron/cli/main.js serve
  FOLDER --port 0\` to its URL on stdout. The server reads every run before it listens, so this is
  the folder's open time (the 50-run set's 16.7 GB do not fit in the page cache: disk reads included).
* **page load to first chart painted** — \`performance.now()\` in the page (ms since navigation
  start) when the first \`[data-testid="chart-panel"] canvas\` has a non-transparent pixel, polled
  every animation frame (the canvas is mounted when the chart's data arrived). Target ≤ 1.5 s.
* **series.get bytes per chart** — body bytes of the \`/rpc/series.get\` responses of the first
  screen (one per chart, every run of the chart in it), divided by their number. A chart is
  downsampled to its width, so a 100k-point key must cost no more than 1.1× a 10k-point key
  (same 5 runs, same 1440×900 viewport; the longer step numbers are the allowance).
* **frame time while zooming** — deltas between \`requestAnimationFrame\` callbacks in the page
  during 3 drag-zooms (each waits for its re-downsampled window, then a double-click resets) and
  6 Ctrl+wheel steps on the first chart; median and p95. Headless Chromium with \`--disable-gpu\`
  (software rendering) on the shared machine; 16.7 ms is one frame at 60 Hz.`;

export function writeUiSection(file: string, machine: MachineInfo, figures: Figure[]): void {
  const section = [
    START,
    '## Desktop viewer (UI)',
    '',
    `From \`npm run bench\` or \`node dist/bench/run.js --ui-only\` (bench/uiSuite.ts): \`swanview serve\` on a generated folder, the page opened in Debian's Chromium ${machine.date}.`,
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
