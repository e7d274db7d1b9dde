import "server-only";
import { db } from "../../db";

export interface InboxStats {
  /** Events accepted and not grouped yet. */
  depth: number;
  /** How long the oldest of them has waited, in seconds (0 when none waits). */
  lagSeconds: number;
}

/** The inbox's depth and lag, for /api/health and the console. */
export async function inboxStats(): Promise<InboxStats> {
  const prisma = await db();
  const [row] = await prisma.$queryRaw<{ depth: number; lag: number | null }[]>`
    SELECT count(*)::int AS depth, extract(epoch FROM now() - min(accepted_at))::float8 AS lag FROM ingest_inbox`;
  return { depth: row?.depth ?? 0, lagSeconds: Math.max(0, row?.lag ?? 0) };
}
