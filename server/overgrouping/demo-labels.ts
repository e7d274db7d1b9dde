import "server-only";
import { db } from "../db";

/** The simulated expert of the demo: the synthetic corpus's root causes. */
export const GROUND_TRUTH_LABELER = "corpus-ground-truth";
const GROUND_TRUTH_VERSION = "synthetic-demo-corpus";

export interface GroundTruthLabeling {
  /** Merge-sample pairs now carrying a label of this labeler. */
  labeled: number;
  group: number;
  separate: number;
  /** Pairs whose events the ground truth does not know (not from the corpus): left unlabeled. */
  unknown: number;
}

/**
 * Labels every pair of the random merge sample from a ground truth (root cause per Sentry event id): the same root
 * cause → GROUP (the merge was right), another → SEPARATE. One label per pair for this labeler, replaced on a rerun,
 * so running it twice changes nothing. A simulated expert (labeler_kind simulated_expert): its labels count as an
 * expert's, labeler_id stays null and the name says where they came from.
 */
export async function labelMergeSampleFromGroundTruth(
  rootCauseOf: ReadonlyMap<string, string>,
  labelerName: string,
): Promise<GroundTruthLabeling> {
  const prisma = await db();
  const pairs = await prisma.reviewPair.findMany({
    where: { source: "merge_sample", mergeSampleProbability: { not: null } },
    select: { id: true, eventA: { select: { eventId: true } }, eventB: { select: { eventId: true } } },
    orderBy: { id: "asc" },
  });
  const result: GroundTruthLabeling = { labeled: 0, group: 0, separate: 0, unknown: 0 };
  const labels: { pairId: number; verdict: "GROUP" | "SEPARATE" }[] = [];
  for (const pair of pairs) {
    const a = rootCauseOf.get(pair.eventA.eventId.trim());
    const b = rootCauseOf.get(pair.eventB.eventId.trim());
    if (a === undefined || b === undefined) {
      result.unknown += 1;
      continue;
    }
    const verdict = a === b ? "GROUP" : "SEPARATE";
    labels.push({ pairId: pair.id, verdict });
    result.labeled += 1;
    if (verdict === "GROUP") result.group += 1;
    else result.separate += 1;
  }
  const fields = (verdict: "GROUP" | "SEPARATE") => ({
    verdict,
    note: "ground truth of the synthetic demo corpus",
    labelerKind: "simulated_expert" as const,
    labelerVersion: GROUND_TRUTH_VERSION,
  });
  await prisma.$transaction(async (tx) => {
    for (const label of labels) {
      await tx.label.upsert({
        where: { pairId_labelerName: { pairId: label.pairId, labelerName } },
        create: { pairId: label.pairId, labelerId: null, labelerName, ...fields(label.verdict) },
        update: fields(label.verdict),
      });
    }
  });
  return result;
}
