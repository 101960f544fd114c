/**
 * A local 0.6+ run keeps each metric twice: in logs/<folder> and in its record file. The fuller
 * copy is served (a killed 0.9 run's logs/ stop earlier than its record file); ties go to logs/
 * (exact SDK strings). `logs`, `record`: distinct points of each copy, null where there is none.
 */
export function servingCopy(logs: number | null, record: number | null): 'logs' | 'record' | 'none' {
  if (logs !== null && (record === null || logs >= record)) return 'logs';
  return record !== null ? 'record' : 'none';
}
