import "server-only";
import { alignedFrames } from "@/engine/alignment/frames";
import { parseEvent } from "@/engine/event/schema";
import { eventCulprit } from "@/engine/event/title";
import {
  ISSUE_HASHES_LIMIT,
  type HashOrigin,
  type IssueHash,
  type IssueHashesResponse,
} from "@/lib/contracts/issue-merge";
import { inTransaction } from "../db";
import type { Transaction } from "../db/client";
import { missingIssueError } from "./merge/issue-lookup";

const TOP_FRAMES = 4;

interface HashEvents {
  hash: string;
  /** Events of the issue whose primary hash it is (0 for a hash only carried as another variant). */
  events: number;
  firstMethod: "fingerprint" | "ai" | "new";
  latestId: number;
}

/**
 * Per hash of the issue: its events (those whose primary hash it is), how the earliest event carrying it was grouped,
 * and its latest event. A hash no event of the issue has as its primary is described by the events that carry it.
 */
async function hashEvents(tx: Transaction, groupId: number, hashes: string[]): Promise<Map<string, HashEvents>> {
  const primaries = await tx.$queryRaw<HashEvents[]>`
    SELECT e.hashes[1] AS hash, count(*)::int AS events,
           (array_agg(e.grouping_method::text ORDER BY e.received_at, e.id))[1] AS "firstMethod",
           (array_agg(e.id ORDER BY e.received_at DESC, e.id DESC))[1] AS "latestId"
      FROM events e
     WHERE e.group_id = ${groupId} AND e.hashes[1] = ANY(${hashes}::text[])
     GROUP BY 1`;
  const byHash = new Map(primaries.map((row) => [row.hash, row]));
  const others = hashes.filter((hash) => !byHash.has(hash));
  if (others.length > 0) {
    const carried = await tx.$queryRaw<HashEvents[]>`
      SELECT h AS hash, 0 AS events,
             (array_agg(e.grouping_method::text ORDER BY e.received_at, e.id))[1] AS "firstMethod",
             (array_agg(e.id ORDER BY e.received_at DESC, e.id DESC))[1] AS "latestId"
        FROM events e CROSS JOIN LATERAL unnest(e.hashes) AS h
       WHERE e.group_id = ${groupId} AND h = ANY(${others}::text[])
       GROUP BY 1`;
    for (const row of carried) byHash.set(row.hash, row);
  }
  return byHash;
}

const originOfMethod: Record<HashEvents["firstMethod"], HashOrigin> = {
  new: "new",
  fingerprint: "fingerprint",
  ai: "ai_merge",
};

async function sampleEvents(tx: Transaction, ids: number[]): Promise<Map<number, NonNullable<IssueHash["sample"]>>> {
  const events = await tx.event.findMany({
    where: { id: { in: ids } },
    select: { id: true, eventId: true, title: true, receivedAt: true, payload: true },
  });
  return new Map(
    events.map((event) => {
      const parsed = parseEvent(event.payload);
      const frames = parsed.ok ? alignedFrames(parsed.event) : [];
      return [
        event.id,
        {
          id: event.id,
          eventId: event.eventId,
          title: event.title,
          culprit: parsed.ok ? eventCulprit(parsed.event) : null,
          receivedAt: event.receivedAt.toISOString(),
          topFrames: frames
            .slice(-TOP_FRAMES)
            .reverse()
            .map((frame) => ({
              function: frame.function,
              location: frame.module ?? frame.filename,
              lineno: frame.lineno,
              contextLine: frame.contextLine,
              inApp: frame.inApp,
            })),
        },
      ];
    }),
  );
}

/**
 * An issue's hashes as the issue page lists them for unmerging: each with its events, a sample event (its latest) and
 * how it came in, the AI decision (model, distance, matched hash) when an AI merge brought it. The issue's primary
 * hash comes first. A merged issue's id answers 404 naming the issue it went into.
 */
export async function getIssueHashes(issueId: number): Promise<IssueHashesResponse> {
  return inTransaction(async (tx) => {
    const group = await tx.group.findUnique({
      where: { id: issueId },
      select: {
        id: true,
        projectId: true,
        splitFromId: true,
        hashes: { orderBy: { id: "asc" }, take: ISSUE_HASHES_LIMIT + 1 },
      },
    });
    if (!group) throw await missingIssueError(tx, issueId);
    const rows = group.hashes.slice(0, ISSUE_HASHES_LIMIT);
    const hashes = rows.map((row) => row.hash);
    const events = await hashEvents(tx, group.id, hashes);
    const samples = await sampleEvents(
      tx,
      [...events.values()].map((row) => row.latestId),
    );
    const aiHashes = rows.filter((row) => row.seerMatchedHash).map((row) => row.hash);
    const unmerged = await tx.groupingDecision.findMany({
      where: { projectId: group.projectId, unmergedAt: { not: null }, hash: { in: aiHashes } },
      select: { hash: true, unmergedAt: true, unmergedBy: true },
    });
    return {
      issueId: group.id,
      projectId: group.projectId,
      splitFromId: group.splitFromId,
      truncated: group.hashes.length > ISSUE_HASHES_LIMIT,
      hashes: rows.map((row, index): IssueHash => {
        const ofHash = events.get(row.hash);
        const undone = unmerged.find((decision) => decision.hash === row.hash);
        return {
          hash: row.hash,
          primary: index === 0,
          events: ofHash?.events ?? 0,
          origin: row.seerMatchedHash ? "ai_merge" : ofHash ? originOfMethod[ofHash.firstMethod] : "unknown",
          ai: row.seerMatchedHash
            ? {
                modelRequested: row.seerModelRequested,
                modelUsed: row.seerModelUsed,
                matchedHash: row.seerMatchedHash,
                distance: row.seerMatchDistance,
                unmergedAt: undone?.unmergedAt?.toISOString() ?? null,
                unmergedBy: undone?.unmergedBy ?? null,
              }
            : null,
          sample: ofHash ? (samples.get(ofHash.latestId) ?? null) : null,
        };
      }),
    };
  });
}
