/**
 * `files/config.yaml` as the SDK writes it: PyYAML block style, keys sorted at every level,
 * each top-level entry wrapped as `{desc: '', sort: <insertion index>, value: <value>}`.
 * Only JSON-like values are supported (what a run config holds).
 */

export type ConfigValue = null | boolean | number | string | ConfigValue[] | { [key: string]: ConfigValue };

// Words PyYAML would resolve to bool/null: they must be quoted to stay strings.
const RESERVED = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/;
const PLAIN = /^[A-Za-z_][A-Za-z0-9_.\-/]*(?: [A-Za-z0-9_.\-/]+)*$/;

function yamlString(s: string): string {
  if (PLAIN.test(s) && !RESERVED.test(s)) return s;
  if (/[\u0000-\u001f\u007f]/.test(s)) return JSON.stringify(s);
  return "'" + s.replace(/'/g, "''") + "'";
}

/** PyYAML float: `repr(x).lower()` with `.0` forced into exponent forms (`1.0e-05`). */
function yamlFloat(x: number): string {
  if (Number.isNaN(x)) return '.nan';
  if (x === Infinity) return '.inf';
  if (x === -Infinity) return '-.inf';
  const [mantissa, exp] = x.toExponential().split('e');
  const abs = Math.abs(x);
  if (abs >= 1e-4 && abs < 1e16) return String(x);
  const e = Number(exp);
  const m = mantissa.includes('.') ? mantissa : mantissa + '.0';
  return `${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

function scalar(v: null | boolean | number | string): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : yamlFloat(v);
  return yamlString(v);
}

const isMap = (v: ConfigValue): v is { [key: string]: ConfigValue } =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function isEmptyCollection(v: ConfigValue): boolean {
  return (Array.isArray(v) && v.length === 0) || (isMap(v) && Object.keys(v).length === 0);
}

function inline(v: ConfigValue): string {
  if (Array.isArray(v)) return '[]';
  if (isMap(v)) return '{}';
  return scalar(v);
}

/** Lines of a mapping at `indent`. */
function mapLines(m: { [key: string]: ConfigValue }, indent: string): string[] {
  const out: string[] = [];
  for (const key of Object.keys(m).sort()) {
    const v = m[key];
    const head = indent + yamlString(key) + ':';
    if (isEmptyCollection(v) || !(Array.isArray(v) || isMap(v))) out.push(head + ' ' + inline(v));
    else if (Array.isArray(v)) out.push(head, ...seqLines(v, indent)); // PyYAML: no extra indent for sequences
    else out.push(head, ...mapLines(v, indent + '  '));
  }
  return out;
}

/** Lines of a sequence whose dashes sit at `indent`. */
function seqLines(items: ConfigValue[], indent: string): string[] {
  const out: string[] = [];
  for (const item of items) {
    if (isEmptyCollection(item) || !(Array.isArray(item) || isMap(item))) {
      out.push(indent + '- ' + inline(item));
      continue;
    }
    const inner = Array.isArray(item) ? seqLines(item, indent + '  ') : mapLines(item, indent + '  ');
    out.push(indent + '- ' + inner[0].slice(indent.length + 2), ...inner.slice(1));
  }
  return out;
}

/** The whole config.yaml text for a run config (keys in insertion order give `sort`). */
export function configYaml(config: { [key: string]: ConfigValue }): string {
  const wrapped: { [key: string]: ConfigValue } = {};
  Object.keys(config).forEach((key, sort) => {
    wrapped[key] = { desc: '', sort, value: config[key] };
  });
  const lines = mapLines(wrapped, '');
  return lines.length ? lines.join('\n') + '\n' : '{}\n';
}
