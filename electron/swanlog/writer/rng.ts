/** Small seeded PRNG (mulberry32) so generated swanlogs are reproducible. */
export class Rng {
  private state: number;
  private spare: number | null = null;

  constructor(seed: number) {
    this.state = (seed >>> 0) ^ 0x9e3779b9;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  /** Standard normal (Box–Muller, caching the second value). */
  gauss(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    const u = 1 - this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** An independent stream derived from this one (e.g. one per run). */
  fork(): Rng {
    return new Rng(Math.floor(this.next() * 4294967296));
  }
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** 0.8+ run id: 8 chars of [a-z0-9]. */
export function runId(rng: Rng, length = 8): string {
  let s = '';
  for (let i = 0; i < length; i++) s += ALPHABET[rng.int(ALPHABET.length)];
  return s;
}

/** A run colour like the SDK's (`#698ef8`). */
export function runColor(rng: Rng): string {
  const palette = ['#528d59', '#587ad2', '#c24d46', '#9cbe5d', '#6ebad3', '#dfb142', '#6c4cb2', '#d47e3a', '#fc6dc5', '#698ef8'];
  return palette[rng.int(palette.length)];
}
