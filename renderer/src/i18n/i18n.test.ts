import { describe, expect, it } from 'vitest';
import en from './en.json';
import zh from './zh.json';

/** Every key path, plural forms (`_one`, `_other`) folded into their base key. */
function keys(obj: object, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(obj)) {
    const name = `${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, '')}`;
    if (v && typeof v === 'object') for (const sub of keys(v, `${name}.`)) out.add(sub);
    else out.add(name);
  }
  return out;
}

describe('translations', () => {
  it('zh has every string en has, and nothing else', () => {
    const e = keys(en);
    const z = keys(zh);
    expect([...e].filter((k) => !z.has(k))).toEqual([]);
    expect([...z].filter((k) => !e.has(k))).toEqual([]);
  });
});
