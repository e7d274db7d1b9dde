import "server-only";
import type { ManualLabel } from "@/lib/contracts/issue-merge";
import type { SessionUser } from "../../auth/session";
import type { Transaction } from "../../db/client";
import { insertPair } from "../../review/pair-store";

/** The reasons merge and unmerge labels carry, so that the review data tells them from labels given on the queue. */
export const MERGE_LABEL_REASON = "Merged issues by hand";
export const UNMERGE_LABEL_REASON = "Unmerged from the issue by hand";

export interface ManualLabelInput {
  eventIds: [number, number];
  verdict: "GROUP" | "SEPARATE";
  reason: string;
  note: string;
  /** The AI merge the pair stands for (an unmerged AI-merged hash and the hash it was matched to). */
  decisionId?: number | null;
}

/**
 * Records what a merge or unmerge says about two events as the acting user's label on their review pair (the pair is
 * added by hand if there is none; an existing pair keeps its source, so a pair of the random merge sample stays in
 * it and the label counts in the overgrouping rate). The user's earlier label on the pair is replaced: what they did
 * to the issues is their latest word. Returns null when the two are one event (nothing to compare).
 */
export async function recordManualLabel(
  tx: Transaction,
  user: SessionUser,
  input: ManualLabelInput,
): Promise<ManualLabel | null> {
  if (input.eventIds[0] === input.eventIds[1]) return null;
  const decisionId = input.decisionId ?? null;
  const pair = await insertPair(tx, { eventIds: input.eventIds, source: "manual", createdBy: user.email, decisionId });
  if (!pair.created && decisionId !== null) {
    await tx.reviewPair.updateMany({ where: { id: pair.id, decisionId: null }, data: { decisionId } });
  }
  const fields = { verdict: input.verdict, reason: input.reason, note: input.note, blind: false, labelerId: user.id };
  await tx.label.upsert({
    where: { pairId_labelerName: { pairId: pair.id, labelerName: user.email } },
    create: { pairId: pair.id, labelerName: user.email, ...fields },
    update: fields,
  });
  return { pairId: pair.id, verdict: input.verdict, decisionId };
}
