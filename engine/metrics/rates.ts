import {
  addWeightedSums,
  noWeightedSums,
  proportion,
  weightedProportion,
  type Proportion,
  type WeightedSums,
} from "./proportion";

// The console's metric definitions (DESIGN.md, "Metrics"), as pure functions of counts.

/** merge rate = AI merges / events that reached the AI step. */
export function mergeRate(aiMerges: number, reachedAiStep: number): Proportion | null {
  return proportion(aiMerges, reachedAiStep);
}

/** AI-prevented issues = AI merges / (AI merges + new issues created after fingerprinting failed). */
export function aiPreventedIssues(aiMerges: number, newIssuesAfterFingerprinting: number): Proportion | null {
  return proportion(aiMerges, aiMerges + newIssuesAfterFingerprinting);
}

export type Verdict = "GROUP" | "SEPARATE" | "UNSURE";

/**
 * The verdict most labelers gave a pair, UNSURE labels left out; null when nobody was sure or GROUP and SEPARATE
 * tie (such a pair is not a labeled merge: no one can say whether the merge was right).
 */
export function majorityVerdict(verdicts: readonly Verdict[]): "GROUP" | "SEPARATE" | null {
  const group = verdicts.filter((v) => v === "GROUP").length;
  const separate = verdicts.filter((v) => v === "SEPARATE").length;
  if (group === separate) return null;
  return group > separate ? "GROUP" : "SEPARATE";
}

/** One sampled merge with its majority verdict and the probability it had of being sampled. */
export interface LabeledMerge {
  verdict: "GROUP" | "SEPARATE";
  probability: number;
}

/** The counts and weighted sums of labeled merges that the overgrouping rates are computed from. */
export interface OvergroupingTally extends WeightedSums {
  labeled: number;
  incorrect: number;
}

export const emptyTally: OvergroupingTally = { labeled: 0, incorrect: 0, ...noWeightedSums };

export function addTallies(a: OvergroupingTally, b: OvergroupingTally): OvergroupingTally {
  return { labeled: a.labeled + b.labeled, incorrect: a.incorrect + b.incorrect, ...addWeightedSums(a, b) };
}

/** Tallies merges from the random merge sample; weights are 1 / sampling probability. */
export function tallyMerges(merges: readonly LabeledMerge[]): OvergroupingTally {
  return merges.reduce<OvergroupingTally>((tally, merge) => {
    if (!(merge.probability > 0 && merge.probability <= 1)) {
      throw new RangeError(`a sampling probability must be in (0, 1], got ${merge.probability}`);
    }
    const weight = 1 / merge.probability;
    const incorrect = merge.verdict === "SEPARATE";
    return addTallies(tally, {
      labeled: 1,
      incorrect: incorrect ? 1 : 0,
      weight,
      positiveWeight: incorrect ? weight : 0,
      weightSquared: weight * weight,
    });
  }, emptyTally);
}

/** overgrouping rate = incorrect merges / labeled merges, as the plain sample proportion. */
export function overgroupingRate(tally: OvergroupingTally): Proportion | null {
  return proportion(tally.incorrect, tally.labeled);
}

/** overgrouping rate with inverse-probability weights: an estimate for all merges when strata were sampled unequally. */
export function weightedOvergroupingRate(tally: OvergroupingTally): Proportion | null {
  return weightedProportion(tally);
}
