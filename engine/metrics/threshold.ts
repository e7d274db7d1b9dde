/** A labeled pair at some distance under one model (GROUP = same root cause). */
export interface ScoredPair {
  distance: number;
  group: boolean;
}

/** precision_GROUP and recall of "merge when distance ≤ threshold" on labeled pairs. */
export interface OperatingPoint {
  threshold: number;
  /** Pairs the threshold would merge that are GROUP / SEPARATE. */
  truePositives: number;
  falsePositives: number;
  /** GROUP pairs it would keep apart. */
  falseNegatives: number;
  /** null when the threshold merges nothing. */
  precision: number | null;
  /** null when no pair is GROUP. */
  recall: number | null;
}

/** The operating point of one threshold (merge when distance ≤ threshold, as the grouping service does). */
export function precisionRecallAt(pairs: readonly ScoredPair[], threshold: number): OperatingPoint {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const pair of pairs) {
    const merged = pair.distance <= threshold;
    if (merged && pair.group) truePositives += 1;
    else if (merged) falsePositives += 1;
    else if (pair.group) falseNegatives += 1;
  }
  const merged = truePositives + falsePositives;
  const positives = truePositives + falseNegatives;
  return {
    threshold,
    truePositives,
    falsePositives,
    falseNegatives,
    precision: merged ? truePositives / merged : null,
    recall: positives ? truePositives / positives : null,
  };
}

/** The operating point at every distinct distance of the pairs, in increasing threshold (where either can change). */
export function thresholdSweep(pairs: readonly ScoredPair[]): OperatingPoint[] {
  const sorted = [...pairs].sort((a, b) => a.distance - b.distance);
  const positives = sorted.filter((pair) => pair.group).length;
  const points: OperatingPoint[] = [];
  let truePositives = 0;
  let falsePositives = 0;
  for (const [index, pair] of sorted.entries()) {
    if (pair.group) truePositives += 1;
    else falsePositives += 1;
    if (sorted[index + 1]?.distance === pair.distance) continue;
    points.push({
      threshold: pair.distance,
      truePositives,
      falsePositives,
      falseNegatives: positives - truePositives,
      precision: truePositives / (truePositives + falsePositives),
      recall: positives ? truePositives / positives : null,
    });
  }
  return points;
}

/**
 * The threshold to name for a precision target: among the thresholds of the sweep whose precision reaches the
 * target, the one with the most recall (the loosest one; recall only grows with the threshold). Thresholds beyond
 * it merge more but fall below the target. Null when no threshold reaches it.
 */
export function thresholdForPrecision(pairs: readonly ScoredPair[], target = 0.95): OperatingPoint | null {
  const reaching = thresholdSweep(pairs).filter((point) => point.precision !== null && point.precision >= target);
  return reaching.at(-1) ?? null;
}
