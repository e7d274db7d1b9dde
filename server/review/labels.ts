import "server-only";
import type { LabelResponse, Verdict } from "@/lib/contracts/review";
import type { z } from "zod";
import type { labelRequestSchema } from "@/lib/contracts/review";
import { recordAudit } from "../audit/record";
import type { SessionUser } from "../auth/session";
import { inTransaction } from "../db";
import { NotFoundError } from "../http/errors";
import { claimPair, holdsBlindClaim, releaseClaim } from "./claims";
import { decisionsOf, toPairLabel } from "./pair-view";

type LabelInput = z.infer<typeof labelRequestSchema>;

/**
 * Saves the labeler's verdict on a pair (one label per labeler per pair: labeling again replaces it), releases their
 * claim, and answers with the decisions (revealed now, for blind mode) and whether the pair's labels now disagree.
 */
export async function saveLabel(user: SessionUser, pairId: number, input: LabelInput): Promise<LabelResponse> {
  return inTransaction(async (tx) => {
    const pair = await tx.reviewPair.findUnique({
      where: { id: pairId },
      select: { id: true, v1Distance: true, v2Distance: true },
    });
    if (!pair) throw new NotFoundError(`Review pair ${pairId} does not exist.`);
    const key = { pairId_labelerName: { pairId, labelerName: user.email } };
    const before = await tx.label.findUnique({ where: key });
    const fields = {
      verdict: input.verdict,
      reason: input.reason,
      note: input.note || null,
      // Blind only when the server served the pair blind to this labeler (their claim says so), whatever the
      // client claims: blind labels are the unbiased ones the agreement numbers rest on.
      blind: await holdsBlindClaim(tx, user.id, pairId),
      labelerId: user.id,
    };
    const label = await tx.label.upsert({
      where: key,
      create: { pairId, labelerName: user.email, ...fields },
      update: fields,
    });
    await releaseClaim(tx, user.id, pairId);
    await recordAudit(tx, {
      actor: user,
      action: before ? "label.update" : "label.create",
      target: { type: "review_pair", id: pairId, label: `pair ${pairId}` },
      before: before ? { verdict: before.verdict, reason: before.reason } : null,
      after: { verdict: label.verdict, reason: label.reason, blind: label.blind },
    });
    const verdicts = new Set(
      (await tx.label.findMany({ where: { pairId }, select: { verdict: true } })).map((l) => l.verdict),
    );
    return {
      label: toPairLabel(label),
      decisions: decisionsOf(pair),
      conflict: verdicts.has("GROUP") && verdicts.has("SEPARATE"),
    };
  });
}

/**
 * Undoes the labeler's most recent label (deletes it; audited) and reserves its pair for them again, so the pair
 * is back in the queue and comes back to them first.
 */
export async function undoLastLabel(
  user: SessionUser,
): Promise<{ undone: { pairId: number; verdict: Verdict } | null }> {
  return inTransaction(async (tx) => {
    const last = await tx.label.findFirst({
      where: { labelerId: user.id },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    });
    if (!last) return { undone: null };
    // Deleting is the check: of two undos sent at once (a double click) for the same label, the second waits for
    // the first's row lock and then deletes nothing, instead of failing or undoing it twice.
    const { count } = await tx.label.deleteMany({ where: { id: last.id } });
    if (count === 0) return { undone: null };
    await claimPair(tx, user.id, last.pairId);
    await recordAudit(tx, {
      actor: user,
      action: "label.undo",
      target: { type: "review_pair", id: last.pairId, label: `pair ${last.pairId}` },
      before: { verdict: last.verdict, reason: last.reason },
    });
    return { undone: { pairId: last.pairId, verdict: last.verdict } };
  });
}
