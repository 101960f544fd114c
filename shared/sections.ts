/** The chart section of a metric key: the part before the first `/`, or `default`. */
export function sectionOf(key: string): string {
  const i = key.indexOf('/');
  return i > 0 ? key.slice(0, i) : 'default';
}
