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

export const buttonClass =
  "rounded-md border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-40";
export const primaryButtonClass =
  "rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:cursor-not-allowed disabled:opacity-50";
export const inputClass = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 text-sm font-normal";
