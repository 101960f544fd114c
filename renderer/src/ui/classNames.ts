/** The given class names, space-separated; false, null and undefined ones left out. */
export function classNames(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
