/**
 * Names of SwanLab's system metrics (`__swanlab__.<key>`), for keys that arrive without them.
 *
 * A local run names them in its record files (`Column` records: `name`/`column_name`,
 * `chart_name`; swanlog-format.md §4.6), but the house key listing gives only the key. The
 * names here are the SDK's own, so a cloud run's system charts look like a local run's:
 *
 * - host keys: the `Column` records of the fixtures (0.7.20 backup.swanlab: cpu, mem, disk,
 *   network; 0.9.7 run-*.swanlab: cpu, mem), which agree with the SDK's monitors (0.7.20
 *   `data/run/metadata/hardware/{utils,disk,network}.py`, 0.9.7
 *   `sdk/internal/probe_python/hardware_vendor/{cpu,memory}.py`). `mem.pct` takes 0.9.7's chart
 *   name (0.7.20 left it empty; a chart of one key either way).
 * - per-device keys `<dev>.<id>.<measure>`: the chart names of the accelerator monitors (0.7.20
 *   `hardware/{gpu,npu,mlu,xpu,dcu}/*.py`, 0.9.7 `hardware_vendor/accelerator/*.py`); one chart
 *   holds every device, each key is named like 0.7.20 named it, `<DEV> <id> <measure>`.
 *   0.7.20 spelled some measures `ptc` (npu, mlu, xpu) where 0.9.7 writes `pct`: both are known.
 *   Where vendors disagree on a chart name the NVIDIA one is used (`gpu.<i>.power`: "GPU Power
 *   Usage (W)", AMD & co. say "GPU Power (W)"; temperatures in °C as 0.9.7 writes them).
 *
 * Keys not listed stay raw (null).
 */

export interface SystemKeyNames {
  displayName: string;
  chartName: string;
}

/** Host metrics: key after `__swanlab__.` → [name, chart name]. */
const HOST: Record<string, [string, string]> = {
  'cpu.pct': ['CPU Utilization (%)', 'CPU Utilization (%)'],
  'cpu.thds': ['Process CPU Threads', 'Process CPU Threads'],
  'mem.pct': ['System Memory Utilization (%)', 'System Memory Utilization (%)'],
  'mem.proc': ['Process Memory In Use (non-swap) (MB)', 'Process Memory In Use (non-swap) (MB)'],
  'mem.proc.pct': ['Process Memory Utilization (%)', 'Process Memory Utilization (%)'],
  'mem.proc.avail': ['Process Memory Available (non-swap) (MB)', 'Process Memory Available (non-swap) (MB)'],
  'disk.read': ['MB read from disk', 'Disk I/O Utilization (MB)'],
  'disk.write': ['MB written to disk', 'Disk I/O Utilization (MB)'],
  'disk.usage': ['Disk Utilization (%)', 'Disk Utilization (%)'],
  'network.sent': ['Network Traffic Sent (KB)', 'Network Traffic (KB)'],
  'network.recv': ['Network Traffic Received (KB)', 'Network Traffic (KB)'],
};

/** Per-device metrics: device → measure → chart name (its first word is the device's label). */
const DEVICES: Record<string, Record<string, string>> = {
  gpu: {
    pct: 'GPU Utilization (%)',
    'mem.pct': 'GPU Memory Allocated (%)',
    'mem.value': 'GPU Memory Allocated (MB)',
    temp: 'GPU Temperature (°C)',
    power: 'GPU Power Usage (W)',
    'mem.time': 'GPU Time Spent Accessing Memory (%)',
  },
  npu: {
    pct: 'NPU Utilization (%)', ptc: 'NPU Utilization (%)',
    'mem.pct': 'NPU Memory Allocated (%)', 'mem.ptc': 'NPU Memory Allocated (%)',
    'mem.value': 'NPU Memory Allocated (MB)',
    temp: 'NPU Temperature (°C)',
    power: 'NPU Power Usage (W)',
  },
  mlu: {
    pct: 'MLU Utilization (%)', ptc: 'MLU Utilization (%)',
    'mem.pct': 'MLU Memory Allocated (%)', 'mem.ptc': 'MLU Memory Allocated (%)',
    'mem.value': 'MLU Memory Allocated (MB)',
    temp: 'MLU Temperature (°C)',
    power: 'MLU Power (W)',
  },
  xpu: {
    pct: 'XPU Utilization (%)', ptc: 'XPU Utilization (%)',
    'mem.pct': 'XPU Memory Allocated (%)', 'mem.ptc': 'XPU Memory Allocated (%)',
    temp: 'XPU Temperature (°C)',
    power: 'XPU Power (W)',
  },
  dcu: {
    pct: 'DCU Utilization (%)',
    'mem.pct': 'DCU Memory Allocated (%)',
    'mem.value': 'DCU Memory Allocated (MB)',
    temp: 'DCU Temperature (°C)',
    power: 'DCU Power (W)',
  },
};

const PREFIX = '__swanlab__.';
/** `<dev>.<id>.<measure>`; an Ascend id is `<npu>-<chip>`. */
const DEVICE_KEY = /^([a-z]+)\.(\d+(?:-\d+)?)\.(.+)$/;

/** SwanLab's name and chart name of a system key; null for other and unknown keys. */
export function systemKeyNames(key: string): SystemKeyNames | null {
  if (!key.startsWith(PREFIX)) return null;
  const rest = key.slice(PREFIX.length);
  const host = Object.hasOwn(HOST, rest) ? HOST[rest] : null;
  if (host) return { displayName: host[0], chartName: host[1] };
  const m = DEVICE_KEY.exec(rest);
  if (!m) return null;
  const [, device, id, measure] = m;
  // per-core CPU usage (0.7: collected by older versions, commented out in 0.7.20)
  if (device === 'cpu' && measure === 'pct') return { displayName: `CPU ${id} Utilization (%)`, chartName: 'CPU Utilization (per core) (%)' };
  const measures = Object.hasOwn(DEVICES, device) ? DEVICES[device] : null;
  const chartName = measures && Object.hasOwn(measures, measure) ? measures[measure] : null;
  if (!chartName) return null;
  const label = device.toUpperCase();
  return { displayName: `${label} ${id}${chartName.slice(label.length)}`, chartName };
}
