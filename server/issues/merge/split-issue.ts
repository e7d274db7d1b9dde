import "server-only";
import { parseEvent } from "@/engine/event/schema";
import { eventCulprit } from "@/engine/event/title";
import type { Transaction } from "../../db/client";
import type { IssueRow } from "./issue-lookup";

interface EventSpan {
  events: number;
  first: Date | null;
  last: Date | null;
}

async function eventSpan(tx: Transaction, groupId: number): Promise<EventSpan> {
  const [row] = await tx.$queryRaw<EventSpan[]>`
    SELECT count(*)::int AS events, min(received_at) AS first, max(received_at) AS last
      FROM events WHERE group_id = ${groupId}`;
  return row!;
}

/** Title and culprit of the new issue: those of its earliest event (as ingest gives them), else the issue's. */
async function newIssueHeading(tx: Transaction, issue: IssueRow, hashes: string[]) {
  const [first] = await tx.$queryRaw<{ title: string; payload: unknown }[]>`
    SELECT title, payload FROM events
     WHERE group_id = ${issue.id} AND hashes[1] = ANY(${hashes}::text[])
     ORDER BY received_at, id LIMIT 1`;
  const parsed = first ? parseEvent(first.payload) : null;
  if (first && parsed?.ok) return { title: first.title, culprit: eventCulprit(parsed.event) };
  const source = await tx.group.findUniqueOrThrow({ where: { id: issue.id }, select: { title: true, culprit: true } });
  return { title: first?.title ?? source.title, culprit: source.culprit };
}

/**
 * Moves hashes of an issue to a new issue (split off it) with the events whose primary hash they are (an event goes
 * where its primary hash points: group-placement.ts), and sets both issues' counters from their events. Call it under
 * the issue's hash locks.
 */
export async function moveHashesToNewIssue(
  tx: Transaction,
  issue: IssueRow,
  hashes: string[],
): Promise<{ id: number; title: string; movedEvents: number }> {
  const heading = await newIssueHeading(tx, issue, hashes);
  const created = await tx.group.create({
    data: { projectId: issue.projectId, title: heading.title, culprit: heading.culprit, splitFromId: issue.id },
  });
  await tx.groupHash.updateMany({
    where: { projectId: issue.projectId, hash: { in: hashes } },
    data: { groupId: created.id },
  });
  const movedEvents = await tx.$executeRaw`
    UPDATE events SET group_id = ${created.id} WHERE group_id = ${issue.id} AND hashes[1] = ANY(${hashes}::text[])`;
  const now = new Date();
  const moved = await eventSpan(tx, created.id);
  await tx.group.update({
    where: { id: created.id },
    data: { timesSeen: moved.events, firstSeen: moved.first ?? now, lastSeen: moved.last ?? now },
  });
  const left = await eventSpan(tx, issue.id);
  await tx.group.update({
    where: { id: issue.id },
    data: {
      timesSeen: Math.max(0, issue.timesSeen - movedEvents),
      ...(left.first && left.last ? { firstSeen: left.first, lastSeen: left.last } : {}),
    },
  });
  return { id: created.id, title: heading.title, movedEvents };
}
