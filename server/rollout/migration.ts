import "server-only";
import type {
  GuardrailFlag,
  GuardrailSettings,
  Migration,
  MigrationState,
  OvergroupingEstimate,
} from "@/lib/contracts/rollout";
import type { CoverageRow } from "./metrics";
import { wilsonInterval } from "@/engine/metrics/wilson";

/** Pure rules of migration tracking: a project's state and its guardrail flags. */

const percent = (value: number) => `${(value * 100).toFixed(value === 1 || value === 0 ? 0 : 1)}%`;

export interface StateInput {
  onNext: boolean;
  coverage: CoverageRow;
  activeJob: { progressDone: number; progressTotal: number } | null;
}

/**
 * not started: on the stable model, nothing backfilled, no job. backfilling: on the stable model with a job or a
 * partial (or complete) index. transition: on the next model while its index is incomplete (it falls back to the
 * stable model for what it lacks). done: on the next model with every eligible hash covered.
 */
export function migrationState({ onNext, coverage, activeJob }: StateInput): { state: MigrationState; detail: string } {
  const share = coverage.eligible ? coverage.covered / coverage.eligible : null;
  const jobText = activeJob ? `backfill running: ${activeJob.progressDone} of ${activeJob.progressTotal}` : null;
  if (!onNext) {
    if (jobText) return { state: "backfilling", detail: jobText };
    if (share === null || coverage.covered === 0) return { state: "not_started", detail: "no v2 embeddings yet" };
    if (share < 1) return { state: "backfilling", detail: `${percent(share)} backfilled; run a backfill to finish` };
    return { state: "backfilling", detail: "backfill complete; ready to move to v2" };
  }
  if (jobText) return { state: "transition", detail: `on v2; ${jobText}` };
  if (share !== null && share < 1)
    return { state: "transition", detail: `on v2 with ${percent(share)} coverage; v1 answers what v2 lacks` };
  return {
    state: "done",
    detail: share === null ? "on v2; nothing eligible to backfill" : "on v2 with every eligible hash covered",
  };
}

export function overgroupingEstimate(sample: { labeled: number; incorrect: number } | undefined): OvergroupingEstimate {
  const labeled = sample?.labeled ?? 0;
  const incorrect = sample?.incorrect ?? 0;
  const interval = labeled ? wilsonInterval(incorrect / labeled, labeled) : null;
  return {
    sampleSize: labeled,
    incorrect,
    rate: labeled ? incorrect / labeled : null,
    lower: interval?.low ?? null,
    upper: interval?.high ?? null,
  };
}

/** The guardrail rules a project breaks (or cannot be judged on yet). */
export function guardrailFlags(
  migration: Pick<Migration, "state" | "fallbackRate" | "fallbackLookups">,
  overgrouping: OvergroupingEstimate,
  settings: GuardrailSettings,
): GuardrailFlag[] {
  const flags: GuardrailFlag[] = [];
  if (overgrouping.upper !== null && overgrouping.upper > settings.maxOvergroupingUpper) {
    const measured = `v2 overgrouping upper 95% bound ${percent(overgrouping.upper)} > max ${percent(settings.maxOvergroupingUpper)} (${overgrouping.incorrect} incorrect of ${overgrouping.sampleSize} sampled merges)`;
    flags.push(
      overgrouping.sampleSize >= settings.minOvergroupingSample
        ? { rule: "overgrouping_upper_bound", level: "breached", message: measured }
        : {
            rule: "overgrouping_upper_bound",
            level: "insufficient_sample",
            message: `${measured}; fewer than ${settings.minOvergroupingSample} labeled, so it does not pause`,
          },
    );
  }
  if (
    migration.state === "done" &&
    migration.fallbackRate !== null &&
    migration.fallbackLookups >= settings.minFallbackLookups &&
    migration.fallbackRate > settings.maxFallbackRate
  ) {
    flags.push({
      rule: "fallback_rate",
      level: "breached",
      message: `fallback rate ${percent(migration.fallbackRate)} > max ${percent(settings.maxFallbackRate)} after the transition (${migration.fallbackLookups} v2 lookups, last 7 days)`,
    });
  }
  return flags;
}
