import type { SystemInfo } from '../../../shared/domain';

type Obj = Record<string, unknown>;

/**
 * `files/swanlab-metadata.json` in any of its three shapes (format reference §4.5):
 * 0.3–0.4 flat with numeric `memory`; 0.5–0.7 flat with `memory` as a string and
 * `os_pretty_name`; 0.8+ `{"_version": 2, hardware, runtime, git, swanlab}`.
 * null when the JSON is not an object.
 */
export function normaliseMetadata(raw: unknown): SystemInfo | null {
  if (!isObj(raw)) return null;
  return raw._version === 2 ? fromV2(raw) : fromFlat(raw);
}

function fromFlat(m: Obj): SystemInfo {
  const cpu = obj(m.cpu);
  const gitInfo = Array.isArray(m.git_info) ? m.git_info : [];
  const apple = obj(obj(m.soc).apple);
  return {
    os: str(m.os_pretty_name) ?? str(m.os),
    hostname: str(m.hostname),
    python: str(m.python),
    pythonExecutable: str(m.executable),
    command: str(m.command),
    cwd: str(m.cwd),
    pid: num(m.pid),
    // Apple-silicon runs report the chip under soc.apple, not cpu.
    cpuBrand: str(cpu.brand) ?? str(apple.type),
    cpuCores: num(cpu.cores) ?? num(apple.cpu),
    memoryGB: num(m.memory) ?? gigabytes(apple.memory),
    gpus: flatAccelerators(m),
    gitRemote: str(m.git_remote),
    gitBranch: str(gitInfo[0]),
    gitCommit: str(gitInfo[1]),
    sdkVersion: str(obj(m.swanlab).version),
  };
}

function fromV2(m: Obj): SystemInfo {
  const hw = obj(m.hardware);
  const rt = obj(m.runtime);
  const git = obj(m.git);
  const cpu = obj(hw.cpu);
  const mem = obj(hw.memory);
  const apple = obj(hw.apple_silicon);
  return {
    os: str(rt.os_pretty) ?? str(rt.os),
    hostname: str(rt.hostname),
    python: str(rt.python_version),
    pythonExecutable: str(rt.python_executable),
    command: str(rt.command),
    cwd: str(rt.cwd),
    pid: num(rt.pid),
    cpuBrand: str(cpu.brand) ?? str(apple.name),
    cpuCores: num(cpu.logical_count) ?? num(cpu.physical_count) ?? num(apple.cpu_count),
    memoryGB: withUnit(mem.total, mem.total_unit) ?? withUnit(apple.memory, apple.memory_unit),
    gpus: v2Accelerators(hw.accelerators),
    gitRemote: str(git.remote_url),
    gitBranch: str(git.branch),
    gitCommit: str(git.commit),
    sdkVersion: str(obj(m.swanlab).version),
  };
}

/**
 * 0.3–0.7: `gpu.nvidia = {type: [names], memory: [GB]}`; other vendors (gpu.moorethread,
 * npu.ascend, mlu.cambricon, xpu.kunlunxin, …) keep per-device maps with a `name`.
 */
function flatAccelerators(m: Obj): string[] {
  const out: string[] = [];
  for (const family of ['gpu', 'npu', 'mlu', 'xpu', 'dcu']) {
    for (const [vendor, info] of Object.entries(obj(m[family]))) {
      const v = obj(info);
      if (Array.isArray(v.type)) {
        const mem = Array.isArray(v.memory) ? v.memory : [];
        v.type.forEach((name, i) => {
          const gb = num(mem[i]);
          if (typeof name === 'string') out.push(gb === null ? name : `${name} (${gb} GB)`);
        });
        continue;
      }
      const names = deviceNames(v[family]);
      out.push(...(names.length > 0 ? names : isObj(info) ? [vendor] : []));
    }
  }
  return out;
}

/** Per-device maps `{"0": {"name": …, "memory": …}}`, nested one level for Ascend (npu → chip). */
function deviceNames(map: unknown): string[] {
  const out: string[] = [];
  for (const dev of Object.values(obj(map))) {
    const d = obj(dev);
    if (typeof d.name === 'string') {
      const mem = d.memory;
      out.push(typeof mem === 'string' || typeof mem === 'number' ? `${d.name} (${typeof mem === 'number' ? `${mem} GB` : mem})` : d.name);
    } else out.push(...deviceNames(d));
  }
  return out;
}

/** 0.8+: `[{vendor, devices: [{index, name, memory, memory_unit}], …}]`. */
function v2Accelerators(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  const out: string[] = [];
  for (const acc of list) {
    const a = obj(acc);
    for (const dev of Array.isArray(a.devices) ? a.devices : []) {
      const d = obj(dev);
      const name = str(d.name) ?? str(a.vendor) ?? 'accelerator';
      const mem = num(d.memory);
      const unit = str(d.memory_unit);
      out.push(mem === null ? name : `${name} (${mem}${unit !== null ? ` ${unit}` : ''})`);
    }
  }
  return out;
}

function withUnit(total: unknown, unit: unknown): number | null {
  const n = num(total);
  if (n === null) return null;
  return unit === 'MB' ? n / 1024 : n;
}

/** "16 GB" (0.5–0.7 Apple `physical_memory`) → 16. */
function gigabytes(v: unknown): number | null {
  if (typeof v !== 'string') return num(v);
  const m = /^\s*([\d.]+)\s*(GB|MB)?/i.exec(v);
  if (m === null) return null;
  const n = Number(m[1]);
  return m[2]?.toUpperCase() === 'MB' ? n / 1024 : n;
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function obj(v: unknown): Obj {
  return isObj(v) ? v : {};
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

/** Numbers, and numeric strings (0.5–0.7 write `"memory": "24"`). */
function num(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}
