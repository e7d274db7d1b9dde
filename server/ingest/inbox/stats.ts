import "server-only";
import { db } from "../../db";

export interface InboxStats {
  /** Events accepted and not grouped yet. */
  depth: number;
  /** How long the oldest of them has waited, in seconds (0 when none waits). */
  lagSeconds: number;
}

/**
 * The SQL of the inbox's lag as a scalar subquery (`lag`): the wait of its first row in arrival order (the primary key's
 * order, the order the worker takes rows in), read from the primary key's index instead of every row.
 */
const INBOX_LAG_COLUMN = `(SELECT extract(epoch FROM now() - accepted_at)::float8 FROM ingest_inbox ORDER BY id LIMIT 1) AS lag`;

/** The SQL of the inbox's depth and lag as two scalar subqueries (`depth`, `lag`), to put in a SELECT list. */
export const INBOX_STATS_COLUMNS = `(SELECT count(*)::int FROM ingest_inbox) AS depth, ${INBOX_LAG_COLUMN}`;

/** The stats from a row holding INBOX_STATS_COLUMNS. */
export function inboxStatsOf(row: { depth: number; lag: number | null } | undefined): InboxStats {
  return { depth: row?.depth ?? 0, lagSeconds: Math.max(0, row?.lag ?? 0) };
}

/** The inbox's depth and lag, for the console and the benchmark (/api/health reads them with its own probe). */
export async function inboxStats(): Promise<InboxStats> {
  const prisma = await db();
  const [row] = await prisma.$queryRawUnsafe<{ depth: number; lag: number | null }[]>(`SELECT ${INBOX_STATS_COLUMNS}`);
  return inboxStatsOf(row);
}

/**
 * How long the oldest waiting event has waited, in seconds (0 when none waits): what the benchmark samples while it
 * loads the server, without counting the inbox's rows each time (a scan of the whole inbox).
 */
export async function inboxLagSeconds(): Promise<number> {
  const prisma = await db();
  const [row] = await prisma.$queryRawUnsafe<{ lag: number | null }[]>(`SELECT ${INBOX_LAG_COLUMN}`);
  return Math.max(0, row?.lag ?? 0);
}
