/**
 * JSON text exactly as Python's `json.dumps(..., ensure_ascii=False)` writes it, because the
 * SDK writes `.log` lines and `_summary.json` that way: `", "` / `": "` separators, floats in
 * `repr()` form (`1.0`, `1e-05`), bare `NaN` / `Infinity` / `-Infinity`.
 */

/** A number that Python would hold as a float (JS cannot tell 1 from 1.0). */
export class PyFloat {
  constructor(readonly value: number) {}
}

export type PyJsonValue =
  | null
  | boolean
  | number
  | string
  | PyFloat
  | PyJsonValue[]
  | { [key: string]: PyJsonValue | undefined };

/** `repr(float(x))` of CPython (shortest round-trip digits, exponent outside 1e-4 ≤ |x| < 1e16). */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const abs = x < 0 ? -x : x;
  if (abs >= 1e-4 && abs < 1e16) {
    // JS and Python agree on the digits here; Python only adds ".0" to integral values.
    const s = String(x);
    return s.indexOf('.') === -1 ? s + '.0' : s;
  }
  // toExponential() without digits gives the shortest round-trip mantissa.
  const [mantissa, exp] = x.toExponential().split('e');
  const e = Number(exp);
  const sign = e < 0 ? '-' : '+';
  const digits = Math.abs(e) < 10 ? '0' + Math.abs(e) : String(Math.abs(e));
  return `${mantissa}e${sign}${digits}`;
}

/** Python `json.dumps(int)`: plain integer text (steps, counts). */
function pyInt(x: number): string {
  return Number.isSafeInteger(x) ? String(x) : BigInt(Math.trunc(x)).toString();
}

const ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

// Python escapes only these with ensure_ascii=False (DEL and non-ASCII stay raw).
const NEEDS_ESCAPE = /["\\\u0000-\u001f]/;

export function pyJsonString(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return '"' + s + '"';
  let out = '"';
  for (const ch of s) {
    const esc = ESCAPES[ch];
    if (esc) out += esc;
    else if (ch < ' ') out += '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

/**
 * `json.dumps(value, ensure_ascii=False)`; `compact` = `separators=(",", ":")`.
 * Plain JS numbers are written as Python ints when integral, floats otherwise; wrap a value
 * in PyFloat to force float form. Object keys keep insertion order; `undefined` values are skipped.
 */
export function pyJson(value: PyJsonValue, compact = false): string {
  const comma = compact ? ',' : ', ';
  const colon = compact ? ':' : ': ';
  const write = (v: PyJsonValue): string => {
    if (v === null) return 'null';
    if (v === true) return 'true';
    if (v === false) return 'false';
    if (typeof v === 'number') return Number.isInteger(v) ? pyInt(v) : pyFloatRepr(v);
    if (typeof v === 'string') return pyJsonString(v);
    if (v instanceof PyFloat) return pyFloatRepr(v.value);
    if (Array.isArray(v)) return '[' + v.map(write).join(comma) + ']';
    const parts: string[] = [];
    for (const [k, item] of Object.entries(v)) {
      if (item === undefined) continue;
      parts.push(pyJsonString(k) + colon + write(item));
    }
    return '{' + parts.join(comma) + '}';
  };
  return write(value);
}
