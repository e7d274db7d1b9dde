import "server-only";
import type { RefillRequest, RefillResponse } from "@/lib/contracts/review";
import { recordAudit } from "../audit/record";
import type { SessionUser } from "../auth/session";
import { inTransaction } from "../db";
import { decisionPairs } from "./decision-pairs";
import { fillPairDistances } from "./distances";
import { queueDisagreements } from "./sources/disagreements";
import { sampleMerges } from "./sources/merge-sample";
import { queueNearThreshold } from "./sources/near-threshold";

/**
 * Fills the review queues from the grouping decisions: the random merge sample first (so a pair that is also a hard
 * case still counts in the sample), then v1/v2 disagreements, then near-threshold pairs; then caches the v1/v2
 * distances of every pair that lacks them. Idempotent: pairs already queued stay as they are.
 */
export async function refillReviewQueues(
  actor: SessionUser | "system",
  options: RefillRequest = {},
): Promise<RefillResponse> {
  const merges = await sampleMerges({ perStratum: options.perStratum });
  const candidates = await decisionPairs(options.project);
  const disagreement = await queueDisagreements(candidates);
  const nearThreshold = await queueNearThreshold(candidates, { perModel: options.nearThresholdPerModel });
  const distancesComputed = await fillPairDistances();
  const created = { merge_sample: merges.created, disagreement, near_threshold: nearThreshold, manual: 0 };
  await inTransaction((tx) =>
    recordAudit(tx, {
      actor,
      action: "review_queue.refill",
      target: {
        type: "review_queue",
        id: options.project ?? "all",
        label: options.project ? `project ${options.project}` : "all projects",
      },
      after: { created, strata: merges.strata },
    }),
  );
  return { created, distancesComputed };
}

/** For the demo seed: queues the demo's pairs so that a fresh demo has something to review. */
export async function seedReviewQueues(): Promise<RefillResponse> {
  return refillReviewQueues("system");
}
