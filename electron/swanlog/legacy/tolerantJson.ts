/**
 * JSON as Python's `json.loads` reads it: standard JSON plus the bare tokens `NaN`, `Infinity`
 * and `-Infinity` (SDK 0.8+ writes them with `json.dumps`). Tokens inside string literals are
 * left alone. Throws SyntaxError on anything else; callers catch.
 */
export function parseTolerantJson(text: string): unknown {
  const p = new TolerantJsonParser(text);
  const value = p.value(0);
  p.skipWs();
  if (p.pos !== text.length) p.fail('unexpected trailing characters');
  return value;
}

const MAX_DEPTH = 512;

class TolerantJsonParser {
  pos = 0;

  constructor(private readonly s: string) {}

  fail(msg: string): never {
    throw new SyntaxError(`${msg} at ${this.pos}`);
  }

  skipWs(): void {
    const s = this.s;
    let i = this.pos;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
    this.pos = i;
  }

  value(depth: number): unknown {
    if (depth > MAX_DEPTH) this.fail('nesting too deep');
    this.skipWs();
    const c = this.s.charCodeAt(this.pos);
    switch (c) {
      case 123 /* { */:
        return this.object(depth);
      case 91 /* [ */:
        return this.array(depth);
      case 34 /* " */:
        return this.string();
      case 116 /* t */:
        return this.literal('true', true);
      case 102 /* f */:
        return this.literal('false', false);
      case 110 /* n */:
        return this.literal('null', null);
      case 78 /* N */:
        return this.literal('NaN', NaN);
      case 73 /* I */:
        return this.literal('Infinity', Infinity);
      default:
        if (c === 45 /* - */ && this.s.charCodeAt(this.pos + 1) === 73) {
          this.pos++;
          return -(this.literal('Infinity', Infinity) as number);
        }
        return this.number();
    }
  }

  literal(word: string, v: unknown): unknown {
    if (!this.s.startsWith(word, this.pos)) this.fail('unexpected token');
    this.pos += word.length;
    return v;
  }

  number(): number {
    const s = this.s;
    const start = this.pos;
    let i = start;
    if (s.charCodeAt(i) === 45) i++;
    let c = s.charCodeAt(i);
    if (c === 48) i++;
    else if (c >= 49 && c <= 57) while (isDigit(s.charCodeAt(i))) i++;
    else this.fail('unexpected token');
    if (s.charCodeAt(i) === 46 /* . */) {
      i++;
      if (!isDigit(s.charCodeAt(i))) this.fail('bad number');
      while (isDigit(s.charCodeAt(i))) i++;
    }
    c = s.charCodeAt(i);
    if (c === 101 || c === 69 /* e E */) {
      i++;
      c = s.charCodeAt(i);
      if (c === 43 || c === 45) i++;
      if (!isDigit(s.charCodeAt(i))) this.fail('bad number');
      while (isDigit(s.charCodeAt(i))) i++;
    }
    this.pos = i;
    return Number(s.slice(start, i));
  }

  string(): string {
    const s = this.s;
    const start = this.pos; // at the opening quote
    let i = start + 1;
    let escaped = false;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 34) break;
      if (c === 92 /* \ */) {
        escaped = true;
        i += 2;
        continue;
      }
      if (c < 32 || Number.isNaN(c)) this.fail('bad string'); // control char or end of text
      i++;
    }
    this.pos = i + 1;
    // JSON.parse validates the escapes exactly as the JSON spec (and Python) do.
    return escaped ? (JSON.parse(s.slice(start, i + 1)) as string) : s.slice(start + 1, i);
  }

  array(depth: number): unknown[] {
    this.pos++;
    const out: unknown[] = [];
    this.skipWs();
    if (this.s.charCodeAt(this.pos) === 93) {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value(depth + 1));
      this.skipWs();
      const c = this.s.charCodeAt(this.pos++);
      if (c === 93) return out;
      if (c !== 44) this.fail('expected , or ]');
    }
  }

  object(depth: number): Record<string, unknown> {
    this.pos++;
    const out: Record<string, unknown> = {};
    this.skipWs();
    if (this.s.charCodeAt(this.pos) === 125) {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipWs();
      if (this.s.charCodeAt(this.pos) !== 34) this.fail('expected key');
      const key = this.string();
      this.skipWs();
      if (this.s.charCodeAt(this.pos++) !== 58) this.fail('expected :');
      const v = this.value(depth + 1);
      // A plain assignment of "__proto__" would change the prototype instead of adding a key.
      if (key === '__proto__') Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      else out[key] = v;
      this.skipWs();
      const c = this.s.charCodeAt(this.pos++);
      if (c === 125) return out;
      if (c !== 44) this.fail('expected , or }');
    }
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
