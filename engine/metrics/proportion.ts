import { wilsonInterval, type Interval } from "./wilson";

/** Below this many observations a rate says little; the console shows a warning beside it. */
export const MIN_SAMPLE = 30;

/** A rate with its Wilson 95% interval and what it was computed from. */
export interface Proportion extends Interval {
  value: number;
  /** Observations behind the rate (for a weighted rate: the Kish effective sample size). */
  n: number;
  /** Observations counted as positive (for a weighted rate: the weight of the positives). */
  successes: number;
}

/** successes / n with its Wilson interval, or null when there is nothing to divide (never a made-up 0%). */
export function proportion(successes: number, n: number): Proportion | null {
  if (!Number.isInteger(successes) || !Number.isInteger(n) || successes < 0 || successes > n) {
    throw new RangeError(`a proportion needs whole counts with 0 ≤ successes ≤ n, got ${successes}/${n}`);
  }
  const interval = wilsonInterval(successes / Math.max(n, 1), n);
  return interval ? { value: successes / n, n, successes, ...interval } : null;
}

/** The sums a weighted proportion is made of; additive, so strata and days roll up by adding them. */
export interface WeightedSums {
  /** Σ w over the observations. */
  weight: number;
  /** Σ w over the positive observations. */
  positiveWeight: number;
  /** Σ w² over the observations (for the effective sample size). */
  weightSquared: number;
}

export const noWeightedSums: WeightedSums = { weight: 0, positiveWeight: 0, weightSquared: 0 };

export function addWeightedSums(a: WeightedSums, b: WeightedSums): WeightedSums {
  return {
    weight: a.weight + b.weight,
    positiveWeight: a.positiveWeight + b.positiveWeight,
    weightSquared: a.weightSquared + b.weightSquared,
  };
}

/**
 * The inverse-probability-weighted (Hájek) proportion Σ w·x / Σ w, with a Wilson interval on Kish's effective
 * sample size (Σ w)² / Σ w², which shrinks as the weights grow unequal. Null without observations.
 */
export function weightedProportion(sums: WeightedSums): Proportion | null {
  if (!(sums.weight > 0) || !(sums.weightSquared > 0)) return null;
  const value = Math.min(1, Math.max(0, sums.positiveWeight / sums.weight));
  const effectiveN = (sums.weight * sums.weight) / sums.weightSquared;
  const interval = wilsonInterval(value, effectiveN)!;
  return { value, n: effectiveN, successes: sums.positiveWeight, ...interval };
}
