/**
 * Runs one probe (bench/probe.ts) in a fresh Node process, so that each figure starts from a
 * clean heap and JIT state and memory can be measured after a forced GC.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';

export interface ChildOptions {
  /** V8 old-space limit in MB (big datasets). */
  maxOldSpaceMb?: number;
  /** Writes a .cpuprofile into this folder. */
  cpuProfDir?: string;
}

export function runProbe<T>(task: string, args: unknown, options: ChildOptions = {}): Promise<T> {
  const flags = ['--expose-gc'];
  if (options.maxOldSpaceMb) flags.push(`--max-old-space-size=${options.maxOldSpaceMb}`);
  if (options.cpuProfDir) flags.push('--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`);
  const child = spawn(process.execPath, [...flags, path.join(__dirname, 'probe.js'), task, JSON.stringify(args)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d: string) => (out += d));
  return new Promise<T>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`probe ${task} exited with ${code}: ${out.slice(-2000)}`));
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`probe ${task} printed no result: ${out.slice(-2000)}`));
      }
    });
  });
}
