import "server-only";
import { db } from "../../db";
import type { DecisionPair } from "../decision-pairs";
import { insertPairs, type NewPair } from "../pair-store";

/**
 * Source (a): events on which v1 and v2 disagreed (one would merge, the other would not, from the live decision and
 * its shadow). The pair is the event with the parent the merging model found. Every disagreement is queued (weight 1).
 */
export async function queueDisagreements(candidates: readonly DecisionPair[]): Promise<number> {
  const pairs = candidates.flatMap((candidate): NewPair[] => {
    const merged = candidate.answers.filter((answer) => answer.wouldMerge);
    const disagree = merged.length > 0 && merged.length < candidate.answers.length && candidate.answers.length >= 2;
    if (!disagree || !candidate.answer.wouldMerge) return [];
    return [
      {
        eventIds: candidate.eventIds,
        source: "disagreement",
        model: candidate.answer.model,
        decisionId: candidate.decisionId,
      },
    ];
  });
  return insertPairs(await db(), pairs);
}
