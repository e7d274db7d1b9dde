import "server-only";
import type { QueueFilter } from "@/lib/contracts/review";
import type { SessionUser } from "../auth/session";
import { db, inTransaction } from "../db";
import { Prisma, type Transaction } from "../db/client";
import { EXPERT_LABELS, labelSourceCondition } from "../labeling/label-source";

/** How long a pair stays reserved for the labeler it was handed to. */
export const CLAIM_MINUTES = 10;

export interface QueueQuery extends QueueFilter {
  queue: "pending" | "conflicts";
  exclude: number[];
}

/** The WHERE conditions of a queue for one labeler (pairs they have not labeled, with the filters). */
function queueConditions(userId: number, query: QueueQuery): Prisma.Sql {
  const parts: Prisma.Sql[] = [
    Prisma.sql`NOT EXISTS (SELECT 1 FROM labels l WHERE l.pair_id = p.id AND l.labeler_id = ${userId})`,
  ];
  if (query.project !== undefined) parts.push(Prisma.sql`p.project_id = ${query.project}`);
  if (query.platform !== undefined) parts.push(Prisma.sql`p.platform = ${query.platform}`);
  if (query.source !== undefined) parts.push(Prisma.sql`p.source::text = ${query.source}`);
  if (query.exclude.length) parts.push(Prisma.sql`NOT (p.id = ANY(${query.exclude}::int[]))`);
  if (query.queue === "conflicts") parts.push(conflictCondition);
  return Prisma.join(parts, " AND ");
}

/** A pair is in conflict when one expert said GROUP and another SEPARATE (automated labels are measured, not adjudicated). */
export const conflictCondition = Prisma.sql`EXISTS (SELECT 1 FROM labels g WHERE g.pair_id = p.id AND g.verdict = 'GROUP' AND ${labelSourceCondition(EXPERT_LABELS, "g")})
  AND EXISTS (SELECT 1 FROM labels s WHERE s.pair_id = p.id AND s.verdict = 'SEPARATE' AND ${labelSourceCondition(EXPERT_LABELS, "s")})`;

const available = (userId: number) =>
  Prisma.sql`(p.claimed_until IS NULL OR p.claimed_until < now() OR p.claimed_by = ${userId})`;

/**
 * Hands the labeler the next pair of the queue and reserves it for CLAIM_MINUTES, in one statement (row locks with
 * SKIP LOCKED), so two labelers asking at once never get the same pair. The labeler's earlier claims are released.
 * Pairs with fewest expert labels come first, the random merge sample before the hard cases.
 */
export async function claimNextPair(
  user: SessionUser,
  query: QueueQuery & { blind?: boolean },
): Promise<{ pairId: number | null; remaining: number }> {
  return inTransaction(async (tx) => {
    await tx.$executeRaw`UPDATE review_pairs SET claimed_by = NULL, claimed_until = NULL, claimed_blind = false
      WHERE claimed_by = ${user.id}`;
    const where = queueConditions(user.id, query);
    // The claim remembers whether the pair is served blind: the label's blind flag is taken from it.
    const claimed = await tx.$queryRaw<{ id: number }[]>`
      UPDATE review_pairs r SET claimed_by = ${user.id}, claimed_until = now() + make_interval(mins => ${CLAIM_MINUTES}),
        claimed_blind = ${query.blind === true}
      WHERE r.id = (
        SELECT p.id FROM review_pairs p
        WHERE ${where} AND ${available(user.id)}
        ORDER BY (SELECT count(*) FROM labels c WHERE c.pair_id = p.id AND ${labelSourceCondition(EXPERT_LABELS, "c")}),
          CASE p.source WHEN 'merge_sample' THEN 0 WHEN 'disagreement' THEN 1 WHEN 'near_threshold' THEN 2 ELSE 3 END,
          p.id
        LIMIT 1 FOR UPDATE SKIP LOCKED
      )
      RETURNING r.id`;
    const [{ count }] = await tx.$queryRaw<
      [{ count: number }]
    >`SELECT count(*)::int AS count FROM review_pairs p WHERE ${where}`;
    return { pairId: claimed[0]?.id ?? null, remaining: count };
  });
}

/** Releases the labeler's claim on a pair (skip, or label saved). */
export async function releaseClaim(tx: Transaction, userId: number, pairId: number): Promise<void> {
  await tx.reviewPair.updateMany({
    where: { id: pairId, claimedBy: userId },
    data: { claimedBy: null, claimedUntil: null, claimedBlind: false },
  });
}

/** Whether the labeler holds the pair's claim from a blind serving and has not been shown the decisions since. */
export async function holdsBlindClaim(tx: Transaction, userId: number, pairId: number): Promise<boolean> {
  const pair = await tx.reviewPair.findFirst({ where: { id: pairId, claimedBy: userId, claimedBlind: true } });
  return pair !== null;
}

/** The labeler has now seen the pair's decisions: a label they give it from here on is not blind. */
export async function markDecisionsShown(userId: number, pairId: number): Promise<void> {
  const prisma = await db();
  await prisma.reviewPair.updateMany({
    where: { id: pairId, claimedBy: userId, claimedBlind: true },
    data: { claimedBlind: false },
  });
}

/** Reserves a pair for the labeler (after an undo brings it back to them). */
export async function claimPair(tx: Transaction, userId: number, pairId: number): Promise<void> {
  await tx.reviewPair.updateMany({
    where: { claimedBy: userId, NOT: { id: pairId } },
    data: { claimedBy: null, claimedUntil: null, claimedBlind: false },
  });
  // Not blind: the labeler saw the decisions when their label was saved.
  await tx.reviewPair.update({
    where: { id: pairId },
    data: { claimedBy: userId, claimedUntil: new Date(Date.now() + CLAIM_MINUTES * 60_000), claimedBlind: false },
  });
}

/** Skip: gives the pair back to the queue. */
export async function skipPair(user: SessionUser, pairId: number): Promise<void> {
  await inTransaction((tx) => releaseClaim(tx, user.id, pairId));
}
