import * as fs from 'node:fs';
import * as os from 'node:os';

export interface MachineInfo {
  cores: number;
  cpu: string;
  ramGb: number;
  node: string;
  os: string;
  date: string;
  /** 1-minute load average when the run started (other processes compete for the cores). */
  load: number;
}

function cpuModel(): string {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) return m[1].trim();
  } catch {
    // not Linux
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

export function machineInfo(): MachineInfo {
  return {
    cores: os.availableParallelism(),
    cpu: cpuModel(),
    ramGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    load: Math.round(os.loadavg()[0] * 100) / 100,
  };
}
