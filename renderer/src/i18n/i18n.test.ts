import * as fs from 'node:fs';
import * as path from 'node:path';
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

  it('has every key the renderer asks for by name', () => {
    const e = keys(en);
    const src = path.resolve(__dirname, '..');
    const files = fs.readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.'));
    const asked = new Set<string>();
    // t('a.b') and t('a.b', …): literal keys only (template keys such as `status.${s}` are built from data)
    for (const f of files) for (const m of fs.readFileSync(path.join(src, f), 'utf8').matchAll(/\bt\('([\w.]+)'/g)) asked.add(m[1]);
    expect(asked.size).toBeGreaterThan(50);
    expect([...asked].filter((k) => !e.has(k))).toEqual([]);
  });
});
