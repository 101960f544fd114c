import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SystemInfo } from '../../../shared/domain';

const FIELDS: (keyof SystemInfo)[] = [
  'hostname', 'os', 'cpuBrand', 'cpuCores', 'memoryGB', 'gpus', 'python', 'pythonExecutable', 'sdkVersion',
  'command', 'cwd', 'pid', 'gitRemote', 'gitBranch', 'gitCommit',
];

/** Paths, commands and hashes: shown in a monospace font. */
const MONO = new Set<keyof SystemInfo>(['pythonExecutable', 'command', 'cwd', 'gitRemote', 'gitBranch', 'gitCommit']);

/** The machine and process the run ran on (swanlab-metadata.json or the record file). */
export function SystemTab({ system }: { system: SystemInfo | null }) {
  const { t } = useTranslation();
  if (!system) return <p className="details-muted">{t('details.system.empty')}</p>;
  const cell = (field: keyof SystemInfo): ReactNode => {
    const missing = <span className="details-muted">—</span>;
    if (field === 'gpus') return system.gpus.length ? system.gpus.map((g, i) => <div key={i}>{g}</div>) : missing;
    if (field === 'memoryGB' && system.memoryGB !== null) return `${system.memoryGB} GB`;
    return system[field] ?? missing;
  };
  return (
    <table className="details-table kv-table">
      <tbody>
        {FIELDS.map((f) => (
          <tr key={f} data-field={f}>
            <th>{t(`details.system.${f}`)}</th>
            <td className={MONO.has(f) ? 'mono' : undefined}>{cell(f)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
