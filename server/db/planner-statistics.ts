import "server-only";
import { logger } from "../logger";
import type { SqlDriver } from "./driver";

/**
 * Keeps the query planner's statistics of the embedded database fresh. PostgreSQL's autovacuum analyzes a table once
 * enough of it changed; PGlite runs PostgreSQL as one in-process session without autovacuum, so its tables would never
 * be analyzed and the planner would guess their sizes. Guessing, it picks plans that read a whole project: the issue
 * stream of a project with 50,000 issues answered in 100–400 ms a page before ANALYZE and in under 45 ms after
 * (`npm run bench -- issue-stream`). On PostgreSQL autovacuum does this, and so nothing here runs.
 */

const EVERY_MS = 60_000;

/**
 * Analyzes the tables that were never analyzed or that changed by more than autovacuum's default threshold (50 rows
 * plus 10% of the table) since they last were; returns their names. Does nothing on PostgreSQL.
 */
export async function analyzeChangedTables(driver: SqlDriver): Promise<string[]> {
  if (driver.kind !== "embedded") return [];
  // Counts of changes reach the statistics views at most once a second; the latest ones are wanted now.
  await driver.query("SELECT pg_stat_force_next_flush()");
  const stale = await driver.query<{ name: string; statement: string }>(`
    SELECT s.relname AS name, format('ANALYZE %I.%I', s.schemaname, s.relname) AS statement
      FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
     WHERE c.reltuples < 0 OR s.n_mod_since_analyze > 50 + 0.1 * c.reltuples
     ORDER BY s.relname`);
  for (const table of stale) await driver.exec(table.statement);
  return stale.map((table) => table.name);
}

/** Runs analyzeChangedTables now and then every minute, until the returned stop is called (the server's lifetime). */
export function startPlannerStatistics(driver: SqlDriver): { stop(): void } {
  if (driver.kind !== "embedded") return { stop: () => undefined };
  const run = () =>
    analyzeChangedTables(driver).catch((error: unknown) => logger.warn("analyzing changed tables failed", { error }));
  void run();
  const timer = setInterval(() => void run(), EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
