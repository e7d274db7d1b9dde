import "server-only";
import type { Transaction } from "../../db/client";

/**
 * The event that stands for a hash of an issue in a label's pair: the earliest event of the issue whose primary hash
 * it is (the event that brought it in), else the earliest of the issue's events that carry it; null when none does.
 */
export async function eventOfIssueHash(tx: Transaction, groupId: number, hash: string): Promise<number | null> {
  const [row] = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM events
     WHERE group_id = ${groupId} AND ${hash} = ANY(hashes)
     ORDER BY (hashes[1] = ${hash}) DESC, received_at, id
     LIMIT 1`;
  return row?.id ?? null;
}

/** An issue's primary hash: the one it was created with (its earliest group hash). */
export async function primaryHashOf(tx: Transaction, groupId: number): Promise<string | null> {
  const row = await tx.groupHash.findFirst({ where: { groupId }, orderBy: { id: "asc" }, select: { hash: true } });
  return row?.hash ?? null;
}

/** The event that stands for an issue: the one of its primary hash, else its earliest event; null when it has none. */
export async function eventOfIssue(tx: Transaction, groupId: number): Promise<number | null> {
  const primary = await primaryHashOf(tx, groupId);
  const ofPrimary = primary ? await eventOfIssueHash(tx, groupId, primary) : null;
  if (ofPrimary !== null) return ofPrimary;
  const first = await tx.event.findFirst({
    where: { groupId },
    orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return first?.id ?? null;
}
