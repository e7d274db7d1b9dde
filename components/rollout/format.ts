import type { MigrationState, OvergroupingEstimate } from "@/lib/contracts/rollout";

export const stateLabels: Record<MigrationState, string> = {
  not_started: "not started",
  backfilling: "backfilling",
  transition: "transition",
  done: "done",
};

export function formatPercent(value: number | null, digits = 1): string {
  return value === null ? "—" : `${(value * 100).toFixed(digits)}%`;
}

/** "3.1% (95% CI 0.5–10.2%, n = 32)", or why there is no estimate. */
export function formatOvergrouping(estimate: OvergroupingEstimate): string {
  if (estimate.sampleSize === 0) return "no labeled sample";
  return `${formatPercent(estimate.rate)} (95% CI ${formatPercent(estimate.lower)}–${formatPercent(estimate.upper)}, n = ${estimate.sampleSize})`;
}
