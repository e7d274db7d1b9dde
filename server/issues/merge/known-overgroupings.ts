import "server-only";
import type { SessionUser } from "../../auth/session";
import type { Transaction } from "../../db/client";

/**
 * The AI merges that brought this hash into the issue of `matchedHash`: the live decisions of the AI-merged
 * events whose primary hash it is (read before they move).
 */
export function aiMergeDecisions(
  tx: Transaction,
  groupId: number,
  hash: string,
  matchedHash: string,
): Promise<{ id: number; eventId: number }[]> {
  return tx.$queryRaw`
    SELECT d.id, d.event_id AS "eventId"
      FROM events e
      JOIN grouping_decisions d ON d.event_id = e.id
     WHERE e.group_id = ${groupId} AND e.hashes[1] = ${hash} AND e.grouping_method = 'ai'
       AND d.parent_hash = ${matchedHash} AND d.should_group AND NOT d.read_only AND NOT d.training_mode
     ORDER BY d.id`;
}

/**
 * Marks AI merge decisions as undone by a person's unmerge: each is a known overgrouping (the Overgrouping page counts
 * them, server/overgrouping/facts.ts), whether or not the random merge sample holds it.
 */
export async function markUnmerged(tx: Transaction, user: SessionUser, decisionIds: number[]): Promise<void> {
  if (decisionIds.length === 0) return;
  await tx.groupingDecision.updateMany({
    where: { id: { in: decisionIds } },
    data: { unmergedAt: new Date(), unmergedBy: user.email },
  });
}

/**
 * A merge by hand that puts an unmerged AI merge's hash and the hash it was matched to in one issue again takes the
 * "known overgrouping" back: the person now says they belong together. Returns the decisions it cleared.
 */
export async function clearRedoneOvergroupings(tx: Transaction, projectId: number, groupId: number): Promise<number[]> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    UPDATE grouping_decisions d SET unmerged_at = NULL, unmerged_by = NULL
     WHERE d.project_id = ${projectId} AND d.unmerged_at IS NOT NULL
       AND EXISTS (SELECT 1 FROM group_hashes h
                    WHERE h.project_id = d.project_id AND h.hash = d.hash AND h.group_id = ${groupId})
       AND EXISTS (SELECT 1 FROM group_hashes h
                    WHERE h.project_id = d.project_id AND h.hash = d.parent_hash AND h.group_id = ${groupId})
    RETURNING d.id`;
  return rows.map((row) => row.id);
}
