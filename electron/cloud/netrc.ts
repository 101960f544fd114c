export interface NetrcEntry {
  machine: string;
  login: string | null;
  password: string | null;
}

/** Whitespace-separated tokens; a double-quoted token may hold spaces (`\"` escapes a quote). */
function tokens(text: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]);
  return out;
}

/**
 * A netrc file as Python's `netrc` reads it: `machine` blocks with `login`, `password`,
 * `account`; `macdef` bodies (up to a blank line) and `#` comment lines skipped.
 */
export function parseNetrc(text: string): NetrcEntry[] {
  const lines = text.split(/\r?\n/);
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (/^\s*#/.test(lines[i])) continue;
    if (/^\s*macdef\b/.test(lines[i])) {
      while (i + 1 < lines.length && lines[i + 1].trim() !== '') i++;
      continue;
    }
    kept.push(lines[i]);
  }
  const t = tokens(kept.join('\n'));
  const entries: NetrcEntry[] = [];
  let current: NetrcEntry | null = null;
  for (let i = 0; i < t.length; i++) {
    const word = t[i];
    if (word === 'machine' || word === 'default') {
      current = { machine: word === 'machine' ? t[++i] ?? '' : '', login: null, password: null };
      entries.push(current);
    } else if (current && (word === 'login' || word === 'password' || word === 'account')) {
      const value = t[++i] ?? null;
      if (word === 'login') current.login = value;
      if (word === 'password') current.password = value;
    }
  }
  return entries;
}
