import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { setUpConcurrentPostgres } from "../testing/concurrent-postgres";
import { createBackfillJobs } from "./jobs";
import { applyDueScheduledChanges } from "./scheduled";
import { createProject } from "./test-fixtures";

// Races that PGlite (one session, one transaction at a time) cannot show, on a native PostgreSQL with several
// connections at READ COMMITTED.
const { available, title, database, clusterUrl } = setUpConcurrentPostgres(
  "rollout writes on PostgreSQL with concurrent connections",
);

describe.skipIf(!available)(title, () => {
  it("creates one backfill job for a project however many requests arrive at once", async () => {
    const project = await createProject(database.prisma);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        createBackfillJobs({ projectIds: [project.id], model: "v2", createdBy: "concurrent test" }),
      ),
    );
    const jobs = await database.prisma.job.findMany({ where: { projectId: project.id } });
    expect(jobs).toHaveLength(1);
    expect(answers.map(([created]) => created!.job.id)).toEqual(Array(8).fill(jobs[0]!.id));
    expect(answers.filter(([created]) => !created!.existed)).toHaveLength(1);
  });

  it("marks the scheduled change that failed, not a pending one another server is applying", async () => {
    const prisma = database.prisma;
    const busy = await createProject(prisma);
    const now = new Date();
    const beingApplied = await prisma.scheduledChange.create({
      data: { projectIds: [busy.id], change: { skipFallback: true }, reason: "ok", runAt: now, createdBy: "t" },
    });
    const invalid = await prisma.scheduledChange.create({
      data: {
        projectIds: [busy.id],
        change: { groupingModel: "v9" },
        reason: "typo",
        runAt: new Date(now.getTime() + 1),
        createdBy: "t",
      },
    });
    // Another server holds the first due change (its applying transaction locked the row).
    const other = new pg.Client({ connectionString: clusterUrl() });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query("SELECT id FROM scheduled_changes WHERE id = $1 FOR UPDATE", [beingApplied.id]);
      let settled = false;
      const run = applyDueScheduledChanges(new Date(now.getTime() + 1)).finally(() => (settled = true));
      // Until this process has finished, or is stuck waiting for the other server's row lock (the old behaviour).
      for (;;) {
        const [waiting] = (
          await other.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
          )
        ).rows;
        if (settled || waiting!.n > 0) break;
        await sleep(20);
      }
      await other.query("ROLLBACK");
      expect(await run).toEqual([]);
    } finally {
      await other.end();
    }
    const rows = await prisma.scheduledChange.findMany({ where: { id: { in: [beingApplied.id, invalid.id] } } });
    expect(rows.find((row) => row.id === invalid.id)).toMatchObject({ status: "failed" });
    expect(rows.find((row) => row.id === beingApplied.id)).toMatchObject({ status: "pending", error: null });
  });
});
