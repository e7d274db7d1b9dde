/**
 * `npm run bench -- issue-stream [--issues 50000] [--duration S] [--postgres]`: the issue stream of a project with
 * 50,000 issues (`GET /api/projects/<id>/issues`, the app's route handlers on a loopback port over a fresh embedded
 * database, as a signed-in viewer). The issues, their creating events, AI merges and decisions are bulk-inserted in SQL
 * (what ingest would have written; see seedIssues), then each request is timed one at a time: the first page of each
 * sort, searches, filters, the 100th page through cursors, and the first page of a project with 10 issues for
 * comparison. Printed twice: right after the insert, before the planner has statistics of the tables (the embedded
 * database has no autovacuum), and after analyzeChangedTables (what the server runs every minute on the embedded
 * database). `--postgres` runs the same on a throw-away native PostgreSQL instead (no pgvector there: the migrations
 * leave the vector columns out; its autovacuum may already have analyzed the tables during the first pass).
 */
import type { IssueStreamResponse } from "../../lib/contracts/issues";
import { analyzeChangedTables } from "../../server/db/planner-statistics";
import { signedInAs } from "../../server/testing/users";
import { closedLoop, startBenchServer } from "./lib/in-process-server";
import { formatResult } from "./lib/latencies";
import { seedIssues } from "../../server/issues/testing/seed-issues";
import { benchOptions } from "./lib/options";

const BIG = 1;
const SMALL = 2;

interface Case {
  label: string;
  project: number;
  query: Record<string, string>;
  /** Pages to walk through with nextCursor before the timed request (the 100th page: 99). */
  skipPages?: number;
}

function cases(): Case[] {
  const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString();
  return [
    { label: "first page, last seen", project: BIG, query: { sort: "last_seen" } },
    { label: "first page, events", project: BIG, query: { sort: "events" } },
    { label: "first page, first seen", project: BIG, query: { sort: "first_seen" } },
    { label: "first page, first seen asc", project: BIG, query: { sort: "first_seen", order: "asc" } },
    { label: "search type 'TimeoutError'", project: BIG, query: { q: "TimeoutError" } },
    { label: "search word 'inventory'", project: BIG, query: { q: "inventory" } },
    { label: "search rare 'order 4711'", project: BIG, query: { q: "order 4711" } },
    { label: "search culprit 'billing.api in'", project: BIG, query: { q: "billing.api in" } },
    { label: "search absent 'zebra'", project: BIG, query: { q: "zebra" } },
    { label: "search 2 chars 'ke'", project: BIG, query: { q: "ke" } },
    { label: "search, by events", project: BIG, query: { q: "inventory", sort: "events" } },
    { label: "filter created=ai_merge", project: BIG, query: { created: "ai_merge" } },
    { label: "filter created=fingerprint", project: BIG, query: { created: "fingerprint" } },
    { label: "filter created=new model=v2", project: BIG, query: { created: "new", model: "v2" } },
    { label: "filter model=v3 (none)", project: BIG, query: { model: "v3" } },
    { label: "filter first seen last week", project: BIG, query: { firstSeenFrom: lastWeek, sort: "events" } },
    { label: "search + filter", project: BIG, query: { q: "Error", created: "ai_merge", model: "v1" } },
    { label: "100th page, last seen", project: BIG, query: { sort: "last_seen" }, skipPages: 99 },
    { label: "100th page, events", project: BIG, query: { sort: "events" }, skipPages: 99 },
    { label: "10-issue project, first page", project: SMALL, query: {} },
  ];
}

export async function run(args: string[]): Promise<void> {
  const {
    issues: issueCount,
    duration,
    postgres,
  } = benchOptions(args, { issues: 50000, duration: 1.5, postgres: false });
  const durationMs = duration * 1000;
  const cluster = postgres ? await startNativePostgres() : null;
  const server = await startBenchServer(cluster ? { database: cluster.database } : {});
  process.stdout.write(`database: ${server.database.driver.location}\n`);
  try {
    const started = performance.now();
    await seedIssues(server.database.driver, { projectId: BIG, issues: issueCount });
    await seedIssues(server.database.driver, { projectId: SMALL, issues: 10 });
    process.stdout.write(
      `seeded ${issueCount} + 10 issues in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
    const { cookie } = await signedInAs("viewer");
    const fetchPage = async (project: number, query: Record<string, string>) => {
      const response = await fetch(`${server.url}/api/projects/${project}/issues?${new URLSearchParams(query)}`, {
        headers: { cookie },
      });
      if (response.status !== 200) throw new Error(`${response.status}: ${await response.text()}`);
      return (await response.json()) as IssueStreamResponse;
    };

    const phases = ["no planner statistics", "statistics refreshed (planner-statistics.ts; autovacuum on PostgreSQL)"];
    for (const phase of phases) {
      if (phase !== phases[0]) {
        // PostgreSQL's autovacuum does in its own time what the embedded database's minute loop does.
        if (server.database.driver.kind === "postgres") await server.database.driver.exec("ANALYZE");
        else await analyzeChangedTables(server.database.driver);
      }
      process.stdout.write(`\nGET /api/projects/<id>/issues, ${phase}, 50 per page, one request at a time\n`);
      for (const spec of cases()) {
        let query = spec.query;
        for (let page = 0; page < (spec.skipPages ?? 0); page += 1) {
          const { nextCursor } = await fetchPage(spec.project, query);
          if (!nextCursor) throw new Error(`${spec.label}: no page ${page + 2}`);
          query = { ...spec.query, cursor: nextCursor };
        }
        const sample = await fetchPage(spec.project, query);
        const result = await closedLoop(1, durationMs, async () => (await fetchPage(spec.project, query), true));
        const matched = `${sample.total.exact ? "" : "≥"}${sample.total.count}`;
        process.stdout.write(
          `${formatResult(spec.label, result)}  (${sample.issues.length} on the page, ${matched} match)\n`,
        );
      }
    }
  } finally {
    await server.close();
    await cluster?.stop();
  }
}

/** `--postgres`: a throw-away native PostgreSQL (Debian's server binaries), migrated, as the process's database. */
async function startNativePostgres() {
  const { findPostgresBinaries, openMigratedPostgres, startPostgresCluster } =
    await import("../../server/testing/postgres-cluster");
  const binaries = findPostgresBinaries();
  if (!binaries.ok) throw new Error(`--postgres: ${binaries.reason}`);
  const cluster = await startPostgresCluster(binaries);
  return { database: await openMigratedPostgres(cluster), stop: () => cluster.stop() };
}
