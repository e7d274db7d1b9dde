/** z for a two-sided 95% interval (the 97.5th percentile of the standard normal). */
export const Z_95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson score interval for a proportion p̂ observed on n trials. Unlike the normal ("Wald") interval it stays inside
 * [0, 1] and does not collapse to a point at 0% or 100%, which matters for small overgrouping samples. `n` may be
 * fractional (an effective sample size); there is no interval without observations.
 */
export function wilsonInterval(pHat: number, n: number, z: number = Z_95): Interval | null {
  if (!(n > 0)) return null;
  if (pHat < 0 || pHat > 1 || Number.isNaN(pHat)) throw new RangeError(`a proportion must be in [0, 1], got ${pHat}`);
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (pHat + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((pHat * (1 - pHat)) / n + z2 / (4 * n * n));
  // At 0% and 100% the bound is exactly 0 or 1; floating point would leave 1e-17 of noise.
  return { low: pHat === 0 ? 0 : Math.max(0, centre - half), high: pHat === 1 ? 1 : Math.min(1, centre + half) };
}
