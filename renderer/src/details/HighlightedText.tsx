import { splitMatches } from './textMatch';

/** `text` with every case-insensitive occurrence of `term` wrapped in <mark>. */
export function HighlightedText({ text, term }: { text: string; term: string }) {
  if (!term) return <span>{text}</span>;
  return (
    <span>
      {splitMatches(text, term).map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : p.text))}
    </span>
  );
}
