/** Contents of `files/` (swanlab-metadata.json, requirements.txt) and `debug/debug.log`. */
import * as path from 'node:path';
import { pyJson, type PyJsonValue } from './pyJson';

export const SDK_VERSION = '0.9.7';

export interface MetadataSpec {
  hostname?: string;
  pid?: number;
  cwd?: string;
  command?: string;
  python?: string;
  cpuBrand?: string;
  cpuCores?: number;
  memoryGB?: number;
  git?: { remote: string | null; branch: string | null; commit: string | null };
}

/** `files/swanlab-metadata.json`, 0.8+ shape (`_version: 2`), compact JSON like the SDK. */
export function metadataJson(runDir: string, spec: MetadataSpec = {}): string {
  const python = spec.python ?? '3.11.7';
  const exe = '/usr/bin/python3';
  const cwd = spec.cwd ?? path.dirname(path.dirname(runDir));
  const value: PyJsonValue = {
    _version: 2,
    hardware: {
      apple_silicon: null,
      cpu: { brand: spec.cpuBrand ?? 'AMD EPYC', physical_count: spec.cpuCores ?? 8, logical_count: (spec.cpuCores ?? 8) * 2 },
      memory: { total: spec.memoryGB ?? 32, total_unit: 'GB' },
      accelerators: [], // shape of 0.8+ accelerator entries is not documented; like the fixtures
    },
    runtime: {
      os: 'Linux-6.8.0-x86_64-with-glibc2.36',
      os_pretty: 'Debian GNU/Linux 12 (bookworm)',
      hostname: spec.hostname ?? 'trainbox',
      pid: spec.pid ?? 4242,
      cwd,
      python_version: python,
      python_verbose: `${python} (main, May  9 2026, 07:35:25) [GCC 12.2.0]`,
      python_executable: exe,
      command: spec.command ?? `${exe} train.py`,
    },
    git: {
      remote_url: spec.git?.remote ?? null,
      branch: spec.git?.branch ?? null,
      commit: spec.git?.commit ?? null,
    },
    swanlab: { version: SDK_VERSION, run_dir: runDir },
  };
  return pyJson(value, true);
}

/** `files/requirements.txt`: `pip list --format=freeze` style. */
export function requirementsTxt(extra: string[] = []): string {
  const pkgs = [
    'numpy==2.2.4',
    'pillow==11.2.1',
    'protobuf==5.29.4',
    `swanlab==${SDK_VERSION}`,
    'swanboard==0.1.10b2',
    'torch==2.7.0',
    'torchvision==0.22.0',
    'tqdm==4.67.1',
    ...extra,
  ].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
  return pkgs.join('\n') + '\n';
}

/** `debug/debug.log` first line (0.8+ SDK diagnostic log, not user output). */
export function debugLogText(root: string, runFolder: string): string {
  return `Diagnostic log bound to file: ${path.basename(root)}/${runFolder}/debug/debug.log\n`;
}
