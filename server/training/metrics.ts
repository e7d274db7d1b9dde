import "server-only";

/** A labeled pair with the model's cosine distance; GROUP is the positive class. */
export interface ScoredPair {
  distance: number;
  group: boolean;
  platform?: string;
  project?: string;
  /** How the pair was sampled (hard_pos, hard_neg, …), when the labels say. */
  kind?: string;
}

export interface PrecisionRecall {
  threshold: number;
  precision: number;
  recall: number;
  predictedGroup: number;
  pairs: number;
}

/** precision_GROUP (1 − overgrouping) and recall_GROUP (1 − undergrouping) when merging at distance ≤ threshold. */
export function precisionRecallAt(pairs: readonly ScoredPair[], threshold: number): PrecisionRecall {
  let tp = 0;
  let fp = 0;
  let positives = 0;
  for (const pair of pairs) {
    if (pair.group) positives++;
    if (pair.distance <= threshold) {
      if (pair.group) tp++;
      else fp++;
    }
  }
  return {
    threshold,
    precision: tp + fp ? tp / (tp + fp) : 1,
    recall: positives ? tp / positives : 0,
    predictedGroup: tp + fp,
    pairs: pairs.length,
  };
}

/** Each cut point of the sorted distances: (distance, tp, fp) after merging everything up to it. */
function cuts(pairs: readonly ScoredPair[]): { distance: number; tp: number; fp: number }[] {
  const sorted = pairs.slice().sort((a, b) => a.distance - b.distance);
  const out: { distance: number; tp: number; fp: number }[] = [];
  let tp = 0;
  let fp = 0;
  sorted.forEach((pair, i) => {
    if (pair.group) tp++;
    else fp++;
    const next = sorted[i + 1];
    if (!next || next.distance !== pair.distance) out.push({ distance: pair.distance, tp, fp });
  });
  return out;
}

/** Fewest merges a precision estimate may rest on (production used 100; small sets use a tenth of positives). */
export function minimumPredictions(pairs: readonly ScoredPair[]): number {
  const positives = pairs.filter((p) => p.group).length;
  return Math.min(100, Math.max(1, Math.floor(positives / 10)));
}

/**
 * The largest distance threshold whose precision_GROUP is at least `target`, and the recall there; the
 * "recall at 95% precision" of the model evaluation when target is 0.95. Threshold −1 when none reaches it.
 */
export function recallAtPrecision(
  pairs: readonly ScoredPair[],
  target: number,
  minPredictions = minimumPredictions(pairs),
): { threshold: number; recall: number; precision: number } {
  const positives = pairs.filter((p) => p.group).length;
  let best = { threshold: -1, recall: 0, precision: 1 };
  for (const cut of cuts(pairs)) {
    const predicted = cut.tp + cut.fp;
    const precision = cut.tp / predicted;
    if (predicted >= minPredictions && precision >= target && positives > 0) {
      best = { threshold: cut.distance, recall: cut.tp / positives, precision };
    }
  }
  return best;
}

/** ROC AUC of similarity for GROUP vs SEPARATE (Mann–Whitney U, ties counted half). */
export function rocAuc(pairs: readonly ScoredPair[]): number {
  const sorted = pairs.slice().sort((a, b) => b.distance - a.distance);
  let positives = 0;
  let negatives = 0;
  let rankSum = 0;
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as ScoredPair).distance === (sorted[i] as ScoredPair).distance) j++;
    const averageRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if ((sorted[k] as ScoredPair).group) {
        positives++;
        rankSum += averageRank;
      } else negatives++;
    }
    i = j + 1;
  }
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Precision and recall at each of the given thresholds. */
export function thresholdSweep(pairs: readonly ScoredPair[], thresholds: readonly number[]): PrecisionRecall[] {
  return thresholds.map((t) => precisionRecallAt(pairs, t));
}

export interface ModelMetrics {
  threshold: number;
  precision: number;
  recall: number;
  recall_at_p95: number;
  auc: number;
  pairs: number;
  /** ROC AUC of hard positives against hard negatives (NaN when the pairs carry no such kinds). */
  hard_auc: number;
}

const HARD_KINDS = new Set(["hard_pos", "hard_neg"]);

/** ROC AUC restricted to the hard pairs: same root cause through another entry point vs look-alike root causes. */
export function hardAuc(pairs: readonly ScoredPair[]): number {
  return rocAuc(pairs.filter((p) => p.kind !== undefined && HARD_KINDS.has(p.kind)));
}

export function summarise(pairs: readonly ScoredPair[], threshold: number): ModelMetrics {
  const at = precisionRecallAt(pairs, threshold);
  return {
    threshold,
    precision: at.precision,
    recall: at.recall,
    recall_at_p95: recallAtPrecision(pairs, 0.95).recall,
    auc: rocAuc(pairs),
    pairs: pairs.length,
    hard_auc: hardAuc(pairs),
  };
}

/**
 * The summary when each pair is decided at its platform's threshold (as the grouping service does for an event
 * of that platform); `threshold` is the one reported, used for platforms without their own.
 */
export function summariseAtPlatformThresholds(
  pairs: readonly ScoredPair[],
  threshold: number,
  platformThresholds: Readonly<Record<string, number>>,
): ModelMetrics {
  const base = summarise(pairs, threshold);
  let tp = 0;
  let fp = 0;
  let positives = 0;
  for (const pair of pairs) {
    if (pair.group) positives++;
    if (pair.distance <= (platformThresholds[pair.platform ?? ""] ?? threshold)) {
      if (pair.group) tp++;
      else fp++;
    }
  }
  return { ...base, precision: tp + fp ? tp / (tp + fp) : 1, recall: positives ? tp / positives : 0 };
}

/** The same summary for each value of a key (platform, project). */
export function summariseBy(
  pairs: readonly ScoredPair[],
  threshold: number,
  key: "platform" | "project",
  platformThresholds: Readonly<Record<string, number>> = {},
): Record<string, ModelMetrics> {
  const groups = new Map<string, ScoredPair[]>();
  for (const pair of pairs) {
    const value = pair[key] ?? "unknown";
    groups.set(value, [...(groups.get(value) ?? []), pair]);
  }
  return Object.fromEntries(
    [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, summarise(v, (key === "platform" ? platformThresholds[k] : undefined) ?? threshold)]),
  );
}
