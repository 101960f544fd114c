#!/usr/bin/env node
/**
 * Writes a generated swanlog folder:
 *   node dist/electron/swanlog/writer/cli.js DIR [--runs 50] [--keys 20] [--points 100000]
 *        [--gen A,C] [--media] [--seed 1] [--project bench] [--states finished,crashed,killed]
 *   node dist/electron/swanlog/writer/cli.js DIR --demo
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateSwanlog, writeDemoSwanlog, type RunEndState } from './generate';
import type { WriterGeneration } from './runWriter';

const USAGE = 'usage: cli.js DIR [--runs N] [--keys N] [--points N] [--gen A,C] [--media] [--seed N] [--project NAME] [--states finished,crashed,aborted,killed] | DIR --demo';

function parse(argv: string[]) {
  const opts: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) positional.push(a);
    else if (a === '--media' || a === '--demo' || a === '--help') opts[a.slice(2)] = true;
    else if (i + 1 < argv.length) opts[a.slice(2)] = argv[++i];
    else throw new Error(`missing value for ${a}`);
  }
  return { opts, positional };
}

function num(v: string | true | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`not a whole number: ${v}`);
  return n;
}

function dirSize(dir: string): number {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) total += dirSize(p);
    else if (e.isFile()) total += fs.statSync(p).size;
  }
  return total;
}

async function main(): Promise<void> {
  const { opts, positional } = parse(process.argv.slice(2));
  if (opts.help || positional.length !== 1) {
    process.stderr.write(USAGE + '\n');
    process.exitCode = opts.help ? 0 : 2;
    return;
  }
  const dir = path.resolve(positional[0]);
  if (fs.existsSync(dir) && fs.readdirSync(dir).length) throw new Error(`${dir} is not empty`);
  const t0 = performance.now();
  if (opts.demo) {
    const demo = await writeDemoSwanlog(dir);
    demo.live.writer.kill();
    process.stdout.write(`demo swanlog written to ${dir} (${demo.runs.length} runs)\n`);
    return;
  }
  const gens = String(opts.gen ?? 'A,C').split(',').map((g) => g.trim().toUpperCase());
  if (!gens.length || gens.some((g) => g !== 'A' && g !== 'C')) throw new Error(`--gen takes A, C or A,C`);
  const states = opts.states ? (String(opts.states).split(',') as RunEndState[]) : undefined;
  const result = await generateSwanlog(dir, {
    runs: num(opts.runs, 1),
    keys: num(opts.keys, 1),
    points: num(opts.points, 1000),
    generations: gens as WriterGeneration[],
    media: opts.media === true,
    seed: num(opts.seed, 1),
    project: typeof opts.project === 'string' ? opts.project : undefined,
    states,
  });
  const seconds = (performance.now() - t0) / 1000;
  const points = result.runs.reduce((n, r) => n + r.points * r.keys.length, 0);
  const mb = dirSize(dir) / 1e6;
  process.stdout.write(`${result.runs.length} runs, ${points} points, generations ${gens.join('+')} → ${dir}\n`);
  process.stdout.write(`${seconds.toFixed(1)} s, ${mb.toFixed(1)} MB\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
  process.exitCode = 1;
});
