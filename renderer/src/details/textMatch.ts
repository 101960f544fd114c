/** Case-insensitive plain-text search shared by the log tail and the config tree. */

export interface TextPart {
  text: string;
  match: boolean;
}

export function normalizeTerm(term: string): string {
  return term.toLowerCase();
}

/** `text` split into alternating non-matching / matching parts (empty term: one part). */
export function splitMatches(text: string, term: string): TextPart[] {
  const needle = normalizeTerm(term);
  if (!needle) return [{ text, match: false }];
  const haystack = text.toLowerCase();
  const parts: TextPart[] = [];
  let from = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
    if (at > from) parts.push({ text: text.slice(from, at), match: false });
    parts.push({ text: text.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  if (from < text.length || parts.length === 0) parts.push({ text: text.slice(from), match: false });
  return parts;
}

/** Indices of the texts that contain `term` (empty term: none). */
export function matchingIndices(texts: readonly string[], term: string): number[] {
  const needle = normalizeTerm(term);
  const out: number[] = [];
  if (!needle) return out;
  for (let i = 0; i < texts.length; i++) if (texts[i].toLowerCase().includes(needle)) out.push(i);
  return out;
}

/** Next (+1) or previous (-1) match position, wrapping around; -1 when there are no matches. */
export function stepMatch(current: number, count: number, delta: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return delta === 1 ? 0 : count - 1;
  return (current + delta + count) % count;
}
