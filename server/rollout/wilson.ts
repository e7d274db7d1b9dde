import "server-only";

/**
 * Wilson score interval of a proportion (successes of n) at 95% (z = 1.96). Kept here until lib/metrics/wilson.ts
 * lands; the guardrail needs only the bounds. Null bounds when n = 0: no sample says nothing.
 */
export function wilsonInterval(successes: number, n: number, z = 1.96): { lower: number | null; upper: number | null } {
  if (n <= 0) return { lower: null, upper: null };
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}
