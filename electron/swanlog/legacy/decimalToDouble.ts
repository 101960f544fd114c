/**
 * The double nearest to a decimal m × 10^exp whose mantissa m has more than 53 bits (Python's
 * repr writes 17 significant digits for about a third of all floats), without building a string
 * for Number(). A candidate from double arithmetic is corrected and then proved correctly
 * rounded with error-free products (Dekker's TwoProduct): |m − c·10^k| < ½ ulp(c)·10^k, checked
 * with a safety margin. NaN when the proof does not go through (near a tie, or outside the
 * supported range); the caller then falls back to Number().
 */

const SPLITTER = 134217729; // 2^27 + 1
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
/** Far above the rounding error of the residual (≤ ~1e-7 for m < 1e19) and far below ½ ulp·10^k (≥ ~0.5). */
const MARGIN = 1e-5;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = LITTLE_ENDIAN ? 0 : 1;

/** Exact rounding error of x·y (x·y = fl(x·y) + err), for finite products without overflow. */
function productError(x: number, y: number, p: number): number {
  let t = SPLITTER * x;
  const xh = t - (t - x);
  const xl = x - xh;
  t = SPLITTER * y;
  const yh = t - (t - y);
  const yl = y - yh;
  return xh * yh - p + xh * yl + xl * yh + xl * yl;
}

/** m − c·d for m = hi·1e8 + lo, with an absolute error far below MARGIN. */
function residual(hi: number, lo: number, c: number, d: number): number {
  const q = hi * 1e8;
  const f = productError(hi, 1e8, q);
  const p = c * d;
  const e = productError(c, d, p);
  // q and p are within a factor of two of each other, so q − p is exact (Sterbenz).
  return q - p + (f - e) + lo;
}

/**
 * m = hi·1e8 + lo (integers, 0 ≤ lo < 1e8, m < 1e19), value m × 10^exp for −22 ≤ exp ≤ −1;
 * positive result or NaN when it cannot be proved.
 */
export function decimalToDouble(hi: number, lo: number, exp: number): number {
  if (exp < -22 || exp > -1 || hi <= 0 || hi >= 1e11) return NaN;
  const d = POW10[-exp];
  let c = (hi * 1e8 + lo) / d;
  c += residual(hi, lo, c, d) / d; // now within a hair of the true value
  const r = residual(hi, lo, c, d);
  f64[0] = c;
  const biased = (u32[HI] >>> 20) & 0x7ff;
  if (biased <= 53 || biased === 0x7ff) return NaN; // subnormal-ish or not finite: not our range
  const mantissaZero = (u32[HI] & 0xfffff) === 0 && u32[LO] === 0;
  // ulp(c) = 2^(biased − 1075), built from its bits
  u32[HI] = (biased - 52) << 20;
  u32[LO] = 0;
  const half = (f64[0] * d) / 2; // exact: a power of two times 10^k
  // Below a power of two the next double down is half an ulp away.
  const below = mantissaZero ? half / 2 : half;
  if (r >= 0 ? r < half - MARGIN : -r < below - MARGIN) return c;
  return NaN;
}
