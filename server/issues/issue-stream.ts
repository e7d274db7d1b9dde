import "server-only";
import type { IssueStreamQuery, IssueStreamResponse, IssueSummary } from "@/lib/contracts/issues";
import { ISSUE_COUNT_CAP } from "@/lib/contracts/issues";
import { encodeIssueCursor, type IssueCursor } from "@/lib/contracts/issue-cursor";
import { db } from "../db";
import { Prisma, type PrismaClient } from "../db/client";
import { NotFoundError } from "../http/errors";
import { describeCreation, type CreationFacts } from "./creation";
import { issueConditions, sortColumns } from "./issue-stream-sql";

interface PageRow {
  id: number;
  title: string;
  culprit: string | null;
  first_seen: Date;
  last_seen: Date;
  times_seen: number;
  sort_key: string;
}

interface DetailRow extends CreationFacts {
  id: number;
  ai_merged: number;
}

/**
 * One page of the query's issues, in its order, by keyset: the rows after the cursor's row (or, for a "before"
 * cursor, the rows just before it, read backwards and turned around). One row more than the page says whether there
 * is another page that way. Every page is one range scan of the sort's index, whatever its depth.
 */
async function pageRows(prisma: PrismaClient, projectId: number, query: IssueStreamQuery) {
  const sort = sortColumns[query.sort];
  const cursor = query.cursor;
  const forward = cursor?.direction !== "before";
  // Reading backwards (a previous page) walks the index the other way.
  const descending = (query.order === "desc") === forward;
  const direction = descending ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const keyset = cursor
    ? descending
      ? Prisma.sql` AND (${sort.key}, g.id) < (${sort.value(cursor.key)}, ${cursor.id})`
      : Prisma.sql` AND (${sort.key}, g.id) > (${sort.value(cursor.key)}, ${cursor.id})`
    : Prisma.empty;
  const rows = await prisma.$queryRaw<PageRow[]>`
    SELECT g.id, g.title, g.culprit, g.first_seen, g.last_seen, g.times_seen, ${sort.keyText} AS sort_key
      FROM groups g
     WHERE ${issueConditions(projectId, query)}${keyset}
     ORDER BY ${sort.key} ${direction}, g.id ${direction}
     LIMIT ${query.limit + 1}`;
  const more = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  return { page: forward ? page : page.reverse(), more, forward };
}

/**
 * For the page's issues: how each was created (its 'new' event and that event's AI decision: an event has at most one,
 * made when it reached the AI step) and how many events the AI merged into it.
 */
async function detailsOf(prisma: PrismaClient, ids: number[]): Promise<Map<number, DetailRow>> {
  if (ids.length === 0) return new Map();
  const rows = await prisma.$queryRaw<DetailRow[]>`
    SELECT g.id,
           (SELECT count(*)::int FROM events e WHERE e.group_id = g.id AND e.grouping_method = 'ai') AS ai_merged,
           ce.grouping_method::text AS first_method, ce.ai_ineligible_reason AS ineligible_reason,
           d.model_used AS decision_model, d.threshold AS decision_threshold, g.split_from_id
      FROM groups g
      LEFT JOIN LATERAL (
        SELECT e.id, e.grouping_method, e.ai_ineligible_reason FROM events e
         WHERE e.group_id = g.id AND e.grouping_method = 'new' ORDER BY e.id LIMIT 1
      ) ce ON true
      LEFT JOIN LATERAL (
        SELECT d.model_used, d.threshold FROM grouping_decisions d WHERE d.event_id = ce.id LIMIT 1
      ) d ON true
     WHERE g.id = ANY(${ids}::int[])`;
  return new Map(rows.map((row) => [row.id, row]));
}

/** How many issues match, counting no further than ISSUE_COUNT_CAP: a count of everything would cost a scan of all. */
async function countMatching(prisma: PrismaClient, projectId: number, query: IssueStreamQuery) {
  const [row] = await prisma.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count
      FROM (SELECT 1 FROM groups g WHERE ${issueConditions(projectId, query)} LIMIT ${ISSUE_COUNT_CAP + 1}) matching`;
  const count = row?.count ?? 0;
  return { count: Math.min(count, ISSUE_COUNT_CAP), exact: count <= ISSUE_COUNT_CAP };
}

function cursorAt(query: IssueStreamQuery, row: PageRow, direction: IssueCursor["direction"]): string {
  return encodeIssueCursor({ sort: query.sort, order: query.order, direction, key: row.sort_key, id: row.id });
}

/** The cursors around a page: the next page (after its last row) and the previous one (before its first row). */
function cursorsOf(query: IssueStreamQuery, page: PageRow[], more: boolean, forward: boolean) {
  const first = page[0];
  const last = page.at(-1);
  if (!first || !last) {
    // An empty page past the end (its issues went away): the way back is before where it started.
    const back = query.cursor && forward ? encodeIssueCursor({ ...query.cursor, direction: "before" }) : null;
    return { nextCursor: null, prevCursor: back };
  }
  // Read forwards, there is a page after when a row more came back, and one before when a cursor led here; read
  // backwards, the other way round.
  const hasNext = forward ? more : true;
  const hasPrevious = forward ? query.cursor !== undefined : more;
  return {
    nextCursor: hasNext ? cursorAt(query, last, "after") : null,
    prevCursor: hasPrevious ? cursorAt(query, first, "before") : null,
  };
}

/** A page of a project's issues, searched, filtered and sorted as the query says, with how many match in all. */
export async function listProjectIssues(projectId: number, query: IssueStreamQuery): Promise<IssueStreamResponse> {
  const prisma = await db();
  const project = await prisma.project.findUnique({ where: { id: projectId }, select: { id: true } });
  if (!project) throw new NotFoundError(`There is no project with id ${projectId}.`);
  const { page, more, forward } = await pageRows(prisma, projectId, query);
  const details = await detailsOf(
    prisma,
    page.map((row) => row.id),
  );
  const total = await countMatching(prisma, projectId, query);
  const issues: IssueSummary[] = page.map((row) => {
    const detail = details.get(row.id);
    return {
      id: row.id,
      title: row.title,
      culprit: row.culprit,
      eventCount: row.times_seen,
      aiMergedEvents: detail?.ai_merged ?? 0,
      firstSeen: row.first_seen.toISOString(),
      lastSeen: row.last_seen.toISOString(),
      creation: describeCreation(
        detail ?? { first_method: null, ineligible_reason: null, decision_model: null, decision_threshold: null },
      ),
    };
  });
  return { issues, ...cursorsOf(query, page, more, forward), total };
}
