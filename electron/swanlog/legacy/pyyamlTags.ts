import type { CollectionTag, ScalarTag, Tags } from 'yaml';

/**
 * Scalar resolution exactly as PyYAML's resolver + FullConstructor (YAML 1.1 as SwanLab's
 * `yaml.dump`/`yaml.load` see it). The `yaml` package's own 1.1 schema differs in details that
 * matter here: it reads `y`/`n` as booleans, `1e5` and `09` as numbers and dates as Date
 * objects, where PyYAML keeps strings.
 */

const Y = 'tag:yaml.org,2002:';

// PyYAML resolver.py, verbatim patterns.
const NULL_RE = /^(?:~|null|Null|NULL|)$/;
const BOOL_RE = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const FLOAT_RE =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INT_RE = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;

/** construct_yaml_bool */
export function pyBool(src: string): boolean {
  const v = src.toLowerCase();
  if (v === 'yes' || v === 'true' || v === 'on') return true;
  if (v === 'no' || v === 'false' || v === 'off') return false;
  throw new Error(`not a boolean: ${src}`);
}

/** construct_yaml_int: `_` ignored, 0b/0x/0-octal prefixes, base-60 with `:`. */
export function pyInt(src: string): number {
  let v = src.replace(/_/g, '');
  const sign = v.startsWith('-') ? -1 : 1;
  if (v.startsWith('-') || v.startsWith('+')) v = v.slice(1);
  if (v === '0') return 0;
  if (v.startsWith('0b')) return sign * radixInt(v.slice(2), 2);
  if (v.startsWith('0x')) return sign * radixInt(v.slice(2), 16);
  if (v.startsWith('0')) return sign * radixInt(v, 8);
  if (v.includes(':')) return sign * v.split(':').reduce((acc, part) => acc * 60 + radixInt(part, 10), 0);
  return sign * radixInt(v, 10);
}

const DIGITS: Record<number, RegExp> = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ };
const PREFIX: Record<number, string> = { 2: '0b', 8: '0o', 10: '', 16: '0x' };

function radixInt(digits: string, radix: number): number {
  if (!DIGITS[radix].test(digits)) throw new Error(`invalid base-${radix} integer: ${digits}`);
  // Through BigInt so that integers above 2^53 round like Python's float(int) would.
  return Number(BigInt(PREFIX[radix] + digits));
}

const PY_FLOAT_LITERAL = /^\s*[-+]?(?:(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?|inf(?:inity)?|nan)\s*$/i;

/** construct_yaml_float: `_` ignored, .inf/.nan, base-60 with `:`. */
export function pyFloat(src: string): number {
  let v = src.replace(/_/g, '').toLowerCase();
  const sign = v.startsWith('-') ? -1 : 1;
  if (v.startsWith('-') || v.startsWith('+')) v = v.slice(1);
  if (v === '.inf') return sign * Infinity;
  if (v === '.nan') return NaN;
  if (v.includes(':')) return sign * v.split(':').reduce((acc, part) => acc * 60 + pythonFloat(part), 0);
  return sign * pythonFloat(v);
}

/** Python's float(str). */
function pythonFloat(s: string): number {
  if (!PY_FLOAT_LITERAL.test(s)) throw new Error(`invalid float: ${s}`);
  const t = s.trim().toLowerCase().replace(/^([-+]?)inf(inity)?$/, '$1Infinity');
  return t.endsWith('nan') ? NaN : Number(t);
}

function scalar(name: string, test: RegExp, resolve: (s: string) => unknown): ScalarTag[] {
  // The test-less twin serves explicit tags (`!!float 1`): PyYAML runs the constructor on any text.
  return [
    { tag: Y + name, default: true, test, resolve },
    { tag: Y + name, resolve },
  ];
}

const seqAsArray = (name: string): CollectionTag => ({ tag: Y + name, collection: 'seq' });
const mapAsObject = (name: string): CollectionTag => ({ tag: Y + name, collection: 'map' });

/** Tags FullLoader constructs from the python/ namespace without importing anything. */
const PYTHON_TAGS: Tags = [
  { tag: Y + 'python/none', resolve: () => null },
  { tag: Y + 'python/bool', resolve: pyBool },
  { tag: Y + 'python/str', resolve: (s: string) => s },
  { tag: Y + 'python/unicode', resolve: (s: string) => s },
  { tag: Y + 'python/int', resolve: pyInt },
  { tag: Y + 'python/long', resolve: pyInt },
  { tag: Y + 'python/float', resolve: pyFloat },
  seqAsArray('python/list'),
  seqAsArray('python/tuple'),
  mapAsObject('python/dict'),
];

const REPLACED = new Set(['null', 'bool', 'int', 'float', 'timestamp'].map((n) => Y + n));

/** For `customTags`: the yaml-1.1 schema with its scalar resolution swapped for PyYAML's. */
export function pyyamlTags(tags: Tags): Tags {
  const kept = tags.filter((t) => typeof t === 'string' || !REPLACED.has(t.tag));
  return [
    ...scalar('null', NULL_RE, () => null),
    ...scalar('bool', BOOL_RE, pyBool),
    ...scalar('float', FLOAT_RE, pyFloat),
    ...scalar('int', INT_RE, pyInt),
    ...kept,
    ...PYTHON_TAGS,
  ];
}
