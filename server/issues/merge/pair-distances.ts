import "server-only";
import type { ManualLabel } from "@/lib/contracts/issue-merge";
import { logger } from "../../logger";
import { fillPairDistances } from "../../review/distances";

/**
 * Computes the v1/v2 distances of the labels' pairs for the review screen, after the merge or unmerge committed (the
 * models run outside its transaction and its locks). A failure leaves them to be computed when the pair is opened.
 */
export async function fillLabelDistances(labels: ManualLabel[]): Promise<void> {
  if (labels.length === 0) return;
  try {
    await fillPairDistances(labels.map((label) => label.pairId));
  } catch (error) {
    logger.warn("could not compute the distances of merge or unmerge label pairs", { error });
  }
}
