import type { Rate } from "@/lib/contracts/overgrouping";

export type Estimator = "weighted" | "plain";

export const estimatorLabels: Record<Estimator, string> = {
  weighted: "Inverse-probability weighted",
  plain: "Sample proportion",
};

/** A share as a percentage with one decimal ("12.5%"). */
export function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

export function intervalText(rate: Rate): string {
  return `95% CI ${percent(rate.low)}–${percent(rate.high)}`;
}

/** n as shown beside a rate: a count, or an effective size with one decimal when it is not whole. */
export function sampleText(n: number): string {
  return Number.isInteger(n) ? `n = ${n}` : `n_eff = ${n.toFixed(1)}`;
}
