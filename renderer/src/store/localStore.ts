/** The renderer's localStorage, where it is allowed: when disabled, reads find nothing and writes last for this session only. */

export function readLocal(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeLocal(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* storage disabled or full */
  }
}
