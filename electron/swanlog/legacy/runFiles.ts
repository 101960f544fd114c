import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunIssue, SystemInfo } from '../../../shared/domain';
import { parseConfigYaml } from './configYaml';
import { normaliseMetadata } from './systemInfo';
import { parseTolerantJson } from './tolerantJson';

/** `files/` of a run folder (format reference §4.5). Missing files are null, never an issue. */
export interface RunFiles {
  /** config.yaml as PyYAML FullLoader reads it, `{desc, sort, value}` wrappers kept. */
  configRaw: unknown | null;
  /** Each top-level `{desc, sort, value}` unwrapped to its value, keys ordered by `sort`. */
  config: Record<string, unknown> | null;
  /** swanlab-metadata.json as is. */
  metadataRaw: unknown | null;
  system: SystemInfo | null;
  /** requirements.txt split on `\n` (a final newline gives a last empty string). */
  requirements: string[] | null;
  conda: string | null;
  issues: RunIssue[];
}

export async function readRunFiles(runDir: string): Promise<RunFiles> {
  const dir = path.join(runDir, 'files');
  const issues: RunIssue[] = [];
  const read = async (name: string): Promise<string | null> => {
    const p = path.join(dir, name);
    try {
      return await readFile(p, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') issues.push({ path: p, reason: `unreadable: ${errorText(e)}` });
      return null;
    }
  };
  const [configText, metadataText, requirementsText, conda] = await Promise.all([
    read('config.yaml'),
    read('swanlab-metadata.json'),
    read('requirements.txt'),
    read('conda.yaml'),
  ]);

  let configRaw: unknown = null;
  if (configText !== null) {
    const r = parseConfigYaml(configText);
    configRaw = r.value;
    for (const p of r.problems) issues.push({ path: path.join(dir, 'config.yaml'), reason: `YAML: ${p}` });
  }

  let metadataRaw: unknown = null;
  if (metadataText !== null) {
    const p = path.join(dir, 'swanlab-metadata.json');
    if (metadataText.trim() === '') issues.push({ path: p, reason: 'empty file' });
    else {
      try {
        metadataRaw = parseTolerantJson(metadataText);
      } catch (e) {
        issues.push({ path: p, reason: `JSON: ${errorText(e)}` });
      }
    }
  }

  return {
    configRaw,
    config: unwrapConfig(configRaw),
    metadataRaw,
    system: normaliseMetadata(metadataRaw),
    requirements: requirementsText === null ? null : requirementsText.split('\n'),
    conda,
    issues,
  };
}

/**
 * SwanLab writes every top-level key as `{desc: '', sort: <insertion index>, value: …}` and
 * sorts the keys alphabetically; undo both. Keys without that wrapper are kept as they are,
 * after the wrapped ones. (Integer-like keys still come first: a JS object property rule.)
 */
export function unwrapConfig(raw: unknown): Record<string, unknown> | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const entries = Object.entries(raw as Record<string, unknown>).map(([key, v], i) => {
    const wrapped = isWrapper(v);
    return { key, value: wrapped ? v.value : v, sort: wrapped && typeof v.sort === 'number' ? v.sort : Infinity, i };
  });
  entries.sort((a, b) => a.sort - b.sort || a.i - b.i);
  const out: Record<string, unknown> = {};
  for (const e of entries) {
    if (e.key === '__proto__') Object.defineProperty(out, e.key, { value: e.value, enumerable: true, writable: true, configurable: true });
    else out[e.key] = e.value;
  }
  return out;
}

function isWrapper(v: unknown): v is { value: unknown; sort?: unknown; desc?: unknown } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'value' in v && ('sort' in v || 'desc' in v);
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
