import "server-only";
import type { IssueStreamQuery } from "@/lib/contracts/issues";
import type { IssueSort } from "@/lib/contracts/issue-cursor";
import { Prisma } from "../db/client";

/**
 * The SQL pieces of the issue stream (issue-stream.ts): the conditions of a query's search and filters, and the sort
 * keys. Each sort's pages are ranges of its (project_id, key, id) index (migration 20261218010000_issue_stream).
 */

export interface SortColumn {
  /** The key in the groups row `g`. */
  key: Prisma.Sql;
  /** The key as text, for a cursor: a timestamp in UTC to the microsecond, or the count. */
  keyText: Prisma.Sql;
  /** A cursor's key text as a value of the key's type. */
  value(text: string): Prisma.Sql;
}

const utcMicros = (column: Prisma.Sql) =>
  Prisma.sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export const sortColumns: Record<IssueSort, SortColumn> = {
  last_seen: {
    key: Prisma.sql`g.last_seen`,
    keyText: utcMicros(Prisma.sql`g.last_seen`),
    value: (text) => Prisma.sql`${text}::timestamptz`,
  },
  first_seen: {
    key: Prisma.sql`g.first_seen`,
    keyText: utcMicros(Prisma.sql`g.first_seen`),
    value: (text) => Prisma.sql`${text}::timestamptz`,
  },
  events: {
    key: Prisma.sql`g.times_seen`,
    keyText: Prisma.sql`g.times_seen::text`,
    value: (text) => Prisma.sql`${text}::int`,
  },
};

/** `text` as a LIKE pattern that matches it anywhere: its own %, _ and \ escaped (the default escape is \). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** Whether the AI decision on the event `e` exists (with this model, when one is given). */
function decisionOnEvent(model: string | undefined): Prisma.Sql {
  const byModel = model === undefined ? Prisma.empty : Prisma.sql` AND d.model_used = ${model}`;
  return Prisma.sql`EXISTS (SELECT 1 FROM grouping_decisions d WHERE d.event_id = e.id${byModel})`;
}

/**
 * Issues with an event of the AI step's kind (the one that created the issue, 'new'; those the AI merged in, 'ai')
 * that meets `condition`. Literal methods, so that the partial indexes of those events apply.
 */
function hasAiStepEvent(projectId: number, methods: "new" | "ai" | "both", condition: Prisma.Sql): Prisma.Sql {
  const method =
    methods === "new"
      ? Prisma.sql`e.grouping_method = 'new'`
      : methods === "ai"
        ? Prisma.sql`e.grouping_method = 'ai'`
        : Prisma.sql`e.grouping_method IN ('new', 'ai')`;
  return Prisma.sql`g.id IN (SELECT e.group_id FROM events e WHERE e.project_id = ${projectId} AND ${method} AND ${condition})`;
}

/**
 * How the issue came to be and which model decided, as conditions on its events: created by a new fingerprint that
 * skipped the AI step (its creating event has no AI decision); created after the AI step found nothing ("new": the
 * creating event has a decision, by `model` when given); merged into by the AI step ("ai_merge": an event the AI
 * merged, with a decision by `model` when given). `model` alone: any of the last two.
 */
function creationConditions(projectId: number, query: IssueStreamQuery): Prisma.Sql[] {
  const { created, model } = query;
  const conditions: Prisma.Sql[] = [];
  if (created === "fingerprint")
    conditions.push(hasAiStepEvent(projectId, "new", Prisma.sql`NOT ${decisionOnEvent(undefined)}`));
  if (created === "new") conditions.push(hasAiStepEvent(projectId, "new", decisionOnEvent(model)));
  if (created === "ai_merge") {
    conditions.push(hasAiStepEvent(projectId, "ai", model === undefined ? Prisma.sql`true` : decisionOnEvent(model)));
  }
  // A fingerprint issue has no model: with both, the answer is (rightly) empty.
  if (model !== undefined && (created === undefined || created === "fingerprint")) {
    conditions.push(hasAiStepEvent(projectId, "both", decisionOnEvent(model)));
  }
  return conditions;
}

/** The conditions on the groups row `g` of a query's project, search and filters (not its cursor). */
export function issueConditions(projectId: number, query: IssueStreamQuery): Prisma.Sql {
  const conditions = [Prisma.sql`g.project_id = ${projectId}`];
  if (query.q) conditions.push(Prisma.sql`g.search_text LIKE lower(${containsPattern(query.q)})`);
  conditions.push(...creationConditions(projectId, query));
  if (query.firstSeenFrom)
    conditions.push(Prisma.sql`g.first_seen >= ${query.firstSeenFrom.toISOString()}::timestamptz`);
  if (query.firstSeenTo) conditions.push(Prisma.sql`g.first_seen < ${query.firstSeenTo.toISOString()}::timestamptz`);
  return Prisma.join(conditions, " AND ");
}
