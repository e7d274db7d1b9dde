import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../auth/session";
import { useGroupingModels } from "../../grouping/default-models";
import { ingestEvent } from "../../ingest/pipeline";
import type { IngestProject } from "../../ingest/types";
import { messageEvent } from "../../rollout/test-fixtures";
import { setUpConcurrentPostgres } from "../../testing/concurrent-postgres";
import { fixtureModels } from "../../testing/fixture-models";
import { sessionUserAs } from "../../testing/users";
import { mergeIssues } from "./merge";
import { unmergeIssue } from "./unmerge";
import { projectMaker } from "../../testing/ingest-projects";

// PGlite is one session and runs transactions one at a time, so it cannot show a race. This file races real ingest
// writes against merges and unmerges on a native PostgreSQL with several connections at READ COMMITTED.
const { available, title, database } = setUpConcurrentPostgres(
  "merging and unmerging issues while their events arrive, on PostgreSQL with concurrent connections",
);

let user: SessionUser;
beforeAll(async () => {
  if (!available) return;
  useGroupingModels(fixtureModels);
  user = await sessionUserAs("labeler");
});
afterAll(() => useGroupingModels(undefined));

const project = projectMaker(database, 800, "merge-pg-");

/** Events without a stack trace: fingerprinted by their message, never sent to the AI step (which needs pgvector). */
const ingest = (p: IngestProject, message: string) => ingestEvent(p, messageEvent(message));

async function eventsByIssue(projectId: number): Promise<Record<number, number>> {
  const rows = await database.prisma.event.groupBy({ by: ["groupId"], where: { projectId }, _count: true });
  return Object.fromEntries(rows.map((row) => [row.groupId, row._count]));
}

async function timesSeen(projectId: number): Promise<Record<number, number>> {
  const groups = await database.prisma.group.findMany({ where: { projectId } });
  return Object.fromEntries(groups.map((group) => [group.id, group.timesSeen]));
}

describe.skipIf(!available)(title, () => {
  it("loses no event of either issue to ingests racing the merge: all land in the merged issue", async () => {
    for (let round = 0; round < 4; round += 1) {
      const p = await project();
      const kept = (await ingest(p, `disk ${round} is full`)).groupId;
      const gone = (await ingest(p, `queue ${round} is full`)).groupId;
      const racing = Array.from({ length: 12 }, (_, i) =>
        ingest(p, i % 2 ? `disk ${round} is full` : `queue ${round} is full`),
      );
      const [merged] = await Promise.all([mergeIssues(user, { issueIds: [kept, gone], into: kept }), ...racing]);
      expect(merged.merged).toEqual([gone]);
      expect(await eventsByIssue(p.id)).toEqual({ [kept]: 14 });
      expect(await timesSeen(p.id)).toEqual({ [kept]: 14 });
      // And after it, as before: the next event of the merged issue's hash joins the merged one.
      expect((await ingest(p, `queue ${round} is full`)).groupId).toBe(kept);
    }
  });

  it("sends every event of an unmerged hash that races the unmerge to the new issue, and no other", async () => {
    for (let round = 0; round < 4; round += 1) {
      const p = await project();
      const issue = (await ingest(p, `timeout ${round} talking to db`)).groupId;
      const other = (await ingest(p, `timeout ${round} talking to cache`)).groupId;
      await mergeIssues(user, { issueIds: [issue, other], into: issue });
      const [, cacheHash] = await database.prisma.groupHash.findMany({
        where: { groupId: issue },
        orderBy: { id: "asc" },
      });
      const racing = Array.from({ length: 12 }, (_, i) =>
        ingest(p, i % 2 ? `timeout ${round} talking to db` : `timeout ${round} talking to cache`),
      );
      const [split, ...placed] = await Promise.all([
        unmergeIssue(user, { issueId: issue, hashes: [cacheHash!.hash] }),
        ...racing,
      ]);
      const created = split.issue.id;
      expect(await eventsByIssue(p.id)).toEqual({ [issue]: 7, [created]: 7 });
      expect(await timesSeen(p.id)).toEqual({ [issue]: 7, [created]: 7 });
      // Each racing event is where its hash points now (those placed before the unmerge were moved by it).
      const stored = await database.prisma.event.findMany({
        where: { projectId: p.id, eventId: { in: placed.map((result) => result.eventId) } },
        select: { groupId: true, title: true },
      });
      for (const event of stored) expect(event.groupId).toBe(event.title.endsWith("cache") ? created : issue);
    }
  });
});
