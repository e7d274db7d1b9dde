import "server-only";
import { db } from "../../db";

export interface InboxStats {
  /** Events accepted and not grouped yet. */
  depth: number;
  /** How long the oldest of them has waited, in seconds (0 when none waits). */
  lagSeconds: number;
}

/** The SQL of the inbox's depth and lag as two scalar subqueries (`depth`, `lag`), to put in a SELECT list. */
export const INBOX_STATS_COLUMNS = `(SELECT count(*)::int FROM ingest_inbox) AS depth,
  (SELECT extract(epoch FROM now() - min(accepted_at))::float8 FROM ingest_inbox) AS lag`;

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
