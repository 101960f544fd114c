/**
 * `files/config.yaml` as the SDK writes it: PyYAML block style, keys sorted at every level,
 * each top-level entry wrapped as `{desc: '', sort: <insertion index>, value: <value>}`.
 * Only JSON-like values are supported (what a run config holds).
 */

export type ConfigValue = null | boolean | number | string | ConfigValue[] | { [key: string]: ConfigValue };

// PyYAML's implicit resolvers (YAML 1.1): a plain scalar matching one of these would not load
// back as a string, so it must be quoted.
const RESOLVES_TO_OTHER_TYPE = [
  /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  /^(?:~|null|Null|NULL|)$/,
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?$/,
  /^(?:<<|=)$/,
];

/** What PyYAML's default `yaml.dump` (allow_unicode=False) does with a string. */
function yamlString(s: string): string {
  // outside printable ASCII: double-quoted with escapes (PyYAML would fold multi-line ASCII
  // strings into a single-quoted block instead; both load to the same string)
  if (/[^\x20-\x7e]/.test(s)) return doubleQuoted(s);
  if (isPlainSafe(s)) return s;
  return "'" + s.replace(/'/g, "''") + "'";
}

function isPlainSafe(s: string): boolean {
  if (RESOLVES_TO_OTHER_TYPE.some((re) => re.test(s))) return false;
  if (s.startsWith(' ') || s.endsWith(' ')) return false;
  if (s.startsWith('---') || s.startsWith('...')) return false;
  const first = s[0];
  if ('#,[]{}&*!|>\'"%@`'.includes(first)) return false;
  if ('?:-'.includes(first) && (s.length === 1 || s[1] === ' ')) return false;
  if (s.endsWith(':') || s.includes(': ') || s.includes(' #')) return false;
  return true;
}

function doubleQuoted(s: string): string {
  const named: Record<string, string> = { '\0': '0', '\x07': 'a', '\b': 'b', '\t': 't', '\n': 'n', '\v': 'v', '\f': 'f', '\r': 'r', '\x1b': 'e', '"': '"', '\\': '\\', '\x85': 'N', '\xa0': '_', '\u2028': 'L', '\u2029': 'P' };
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (named[ch] !== undefined) out += '\\' + named[ch];
    else if (code >= 0x20 && code <= 0x7e) out += ch;
    else if (code < 0x100) out += '\\x' + code.toString(16).toUpperCase().padStart(2, '0');
    else if (code < 0x10000) out += '\\u' + code.toString(16).toUpperCase().padStart(4, '0');
    else out += '\\U' + code.toString(16).toUpperCase().padStart(8, '0');
  }
  return out + '"';
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
