import "server-only";
import { AI_THRESHOLD_OVERRIDE_MAX } from "@/lib/contracts/grouping-settings";
import type { GroupingModel } from "./models";

/**
 * The `threshold` a Sentry server adds to every similar-issues call when nobody chose one: its constant
 * SEER_MAX_GROUPING_DISTANCE, which is also Seer's own default (NN_GROUPING_DISTANCE). It was tuned for Seer's
 * model, whose distances mean nothing for regroup's models.
 */
export const SENTRY_DEFAULT_THRESHOLD = 0.01;

/** The model's own threshold for an event of `platform` (its per-platform calibration, else its global one). */
export function modelThreshold(model: GroupingModel, platform?: string | null): number {
  return (platform ? model.platformThresholds?.[platform] : undefined) ?? model.threshold;
}

/**
 * The cosine-distance threshold that decides `should_group` (and whether the call indexes its trace) for one
 * model. The rule, one for every caller:
 * - no threshold, or Sentry's default constant → the model's own calibrated threshold (for the event's platform when
 *   the caller says it and the model was calibrated for it), so a Sentry calling regroup groups exactly as regroup's
 *   own ingest does with the same model;
 * - any other threshold is the caller's deliberate choice (Sentry's "similar issues" tab with `?threshold=`, a test,
 *   an experiment) and applies to whichever model answers, the stable model of a fallback included.
 */
export function groupingThreshold(
  requested: number | undefined,
  model: GroupingModel,
  platform?: string | null,
): number {
  if (requested === undefined || requested === SENTRY_DEFAULT_THRESHOLD) return modelThreshold(model, platform);
  return requested;
}

/** A project's own threshold for one model (server/grouping-settings), bounded by AI_THRESHOLD_OVERRIDE_MAX. */
export interface ThresholdOverride {
  model: string;
  threshold: number;
}

/**
 * The project's threshold when its override is for this model, else undefined (the model's own applies). A stored
 * value past the documented maximum is never used as it is: it is cut to the maximum.
 */
export function projectThreshold(
  override: ThresholdOverride | null | undefined,
  model: GroupingModel,
): number | undefined {
  if (!override || override.model !== model.version) return undefined;
  return Math.min(Math.max(override.threshold, 0), AI_THRESHOLD_OVERRIDE_MAX);
}
