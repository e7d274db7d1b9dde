import "server-only";
import type { HealthResponse } from "@/lib/contracts/health";
import { getDatabase } from "../db";
import { describeDatabaseError } from "../db/errors";
import { ServiceUnavailableError } from "../http/errors";
import { INBOX_STATS_COLUMNS, inboxStatsOf, type InboxStats } from "../ingest/inbox/stats";
import { modelsReadiness } from "../inference/warm-up";
import { logger } from "../logger";
import { version } from "../version";

const PROBE_TIMEOUT_MS = 3_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

// The last reason logged, so that a load balancer probing every few seconds logs an outage once, not per probe.
let lastLoggedReason: string | null = null;

/**
 * Reports ok only after a real query against the migrated schema succeeded; otherwise throws 503. The endpoint is
 * public (and a session cannot be checked without the database), so the answer says only that the database is
 * unavailable; the reason, which names its host, user or path, goes to the log. Also says whether the models are
 * loaded yet, without making that a condition, and how far the ingest inbox is behind.
 */
export async function checkHealth(): Promise<HealthResponse> {
  let location = "not opened";
  let inbox: InboxStats;
  try {
    const database = await withTimeout(getDatabase(), PROBE_TIMEOUT_MS);
    location = database.driver.location;
    // One statement: on the embedded database every statement waits its turn behind the ingest worker's.
    const [row] = await withTimeout(
      database.driver.query<{ depth: number; lag: number | null }>(
        `SELECT (SELECT count(*) FROM "_prisma_migrations") AS migrations, ${INBOX_STATS_COLUMNS}`,
      ),
      PROBE_TIMEOUT_MS,
    );
    inbox = inboxStatsOf(row);
  } catch (error) {
    const reason = describeDatabaseError(error, location);
    if (reason !== lastLoggedReason) logger.error("health check: the database is unavailable", { reason });
    lastLoggedReason = reason;
    throw new ServiceUnavailableError("The database is unavailable; the server log says why.");
  }
  lastLoggedReason = null;
  return { status: "ok", db: "ok", models: modelsReadiness(), version, inbox };
}
