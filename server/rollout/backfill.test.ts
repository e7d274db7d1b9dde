import { describe, expect, it } from "vitest";
import type { GroupingModels } from "../grouping/models";
import { setUpTestDatabase } from "../testing/test-environment";
import { fixtureModels } from "../testing/fixture-models";
import type { SessionUser } from "../auth/session";
import { ConflictError } from "../http/errors";
import { runBackfillJob } from "./backfill";
import { createBackfill } from "./cohort-service";
import { claimJob, createJobRunner, type JobRunner } from "./job-runner";
import { createBackfillJobs } from "./jobs";
import { rolloutOverview } from "./overview";
import { createProject, ingestDistinctErrors, waitFor } from "./test-fixtures";

/**
 * The v2 backfill, run uninterrupted on one project and killed halfway then restarted on an identical one: both end
 * at 100% coverage, with one grouping record per hash and one training-mode call per eligible hash.
 */
const database = setUpTestDatabase({ models: fixtureModels });

const ERRORS = 23;
const INELIGIBLE = 3;

async function projectState(projectId: number) {
  const prisma = database.prisma;
  const overview = await rolloutOverview(fixtureModels, projectId);
  const [records] = await prisma.$queryRaw<{ total: number; distinct_hashes: number; with_v2: number }[]>`
    SELECT count(*)::int AS total, count(DISTINCT hash)::int AS distinct_hashes, count(v2)::int AS with_v2
      FROM grouping_records WHERE project_id = ${projectId}`;
  const training = await prisma.groupingDecision.groupBy({
    by: ["hash"],
    where: { projectId, trainingMode: true },
    _count: { _all: true },
  });
  return { migration: overview.projects[0]!.migration, records: records!, training };
}

async function jobOf(id: number) {
  return database.prisma.job.findUniqueOrThrow({ where: { id } });
}

/** Fixture models whose v2 embedding holds its `heldCall`-th call until `release()`; `calls()` counts the calls so far. */
function modelsHeldAtCall(heldCall: number) {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let calls = 0;
  const models: GroupingModels = {
    ...fixtureModels,
    embed: async (version, texts) => {
      if (version === "v2" && (calls += 1) === heldCall) await gate;
      return fixtureModels.embed(version, texts);
    },
  };
  return { models, calls: () => calls, release: () => release() };
}

describe("the v2 backfill job", () => {
  it("reaches 100% coverage, and resumes after a crash halfway with no duplicates and the same final coverage", async () => {
    const steady = await createProject(database.prisma);
    const crashed = await createProject(database.prisma);
    for (const project of [steady, crashed]) await ingestDistinctErrors(project, ERRORS, INELIGIBLE);

    const before = await projectState(crashed.id);
    expect(before.migration).toMatchObject({ state: "not_started", coveredHashes: 0, ineligibleHashes: INELIGIBLE });
    expect(before.migration.eligibleHashes).toBeGreaterThanOrEqual(ERRORS);

    // Uninterrupted run.
    const steadyJob = (
      await createBackfillJobs({ projectIds: [steady.id], model: "v2", batchSize: 5, createdBy: "test" })
    )[0]!.job;
    const runner = createJobRunner({ intervalMs: 20, models: fixtureModels });
    await waitFor(async () => (await jobOf(steadyJob.id)).status === "done", 30_000, "the uninterrupted backfill");
    await runner.stop();

    // The crash: the runner is stopped in the middle of a batch (after 7 training calls with batches of 5), without
    // finishing its item loop or saving that batch, and the job stays "running" with its last heartbeat.
    let calls = 0;
    let crashingRunner: JobRunner | null = null;
    const crashing: GroupingModels = {
      ...fixtureModels,
      embed: async (version, texts) => {
        if (version === "v2" && (calls += 1) === 7) void crashingRunner!.stop();
        return fixtureModels.embed(version, texts);
      },
    };
    const crashJob = (
      await createBackfillJobs({ projectIds: [crashed.id], model: "v2", batchSize: 5, createdBy: "test" })
    )[0]!.job;
    crashingRunner = createJobRunner({ intervalMs: 20, models: crashing });
    await waitFor(async () => calls >= 7, 30_000, "the crash point");
    await crashingRunner.stop();
    const halfway = await jobOf(crashJob.id);
    expect(halfway.status).toBe("running");
    expect(halfway.cursor).toEqual({ lastId: expect.any(Number) });
    expect(halfway.progressDone).toBe(5);
    expect(halfway.progressTotal).toBe(before.migration.eligibleHashes);
    const mid = await projectState(crashed.id);
    expect(mid.migration.coveredHashes).toBe(7); // two items of the unsaved batch were sent before the crash
    expect(mid.migration.state).toBe("backfilling");

    // A restarted process finds the job "running" with a stale heartbeat and resumes it from its cursor.
    const restarted = createJobRunner({ intervalMs: 20, staleAfterMs: 100, models: fixtureModels });
    await waitFor(async () => (await jobOf(crashJob.id)).status === "done", 30_000, "the resumed backfill");
    await restarted.stop();
    expect(restarted.finished).toEqual([{ jobId: crashJob.id, outcome: "done" }]);

    const steadyEnd = await projectState(steady.id);
    const crashedEnd = await projectState(crashed.id);
    for (const end of [steadyEnd, crashedEnd]) {
      expect(end.migration.coverage).toBe(1);
      expect(end.migration.coveredHashes).toBe(before.migration.eligibleHashes);
      expect(end.migration.ineligibleHashes).toBe(INELIGIBLE);
      expect(end.records.total).toBe(end.records.distinct_hashes);
      expect(end.training.every((row) => row._count._all === 1)).toBe(true);
      expect(end.training).toHaveLength(before.migration.eligibleHashes);
      expect(end.migration.trainingCalls).toBe(before.migration.eligibleHashes);
    }
    expect(crashedEnd.records).toEqual(steadyEnd.records);
    expect(crashedEnd.migration.coverage).toBe(steadyEnd.migration.coverage);
    expect((await jobOf(crashJob.id)).progressDone).toBe(before.migration.eligibleHashes);
  }, 90_000);

  it("stops a cancelled job at its next batch", async () => {
    const project = await createProject(database.prisma);
    await ingestDistinctErrors(project, 12);
    const { models: slow, calls, release } = modelsHeldAtCall(2);
    const job = (
      await createBackfillJobs({ projectIds: [project.id], model: "v2", batchSize: 4, createdBy: "test" })
    )[0]!.job;
    const runner = createJobRunner({ intervalMs: 20, models: slow });
    await waitFor(async () => calls() >= 2, 10_000, "the second call");
    await database.prisma.job.update({ where: { id: job.id }, data: { status: "cancelled" } });
    release();
    await waitFor(async () => runner.finished.length === 1, 10_000, "the runner to stop the job");
    await runner.stop();
    expect(runner.finished[0]).toEqual({ jobId: job.id, outcome: "cancelled" });
    const end = await projectState(project.id);
    expect(end.migration.coveredHashes).toBe(4);
  }, 30_000);

  it("stops a worker whose job was taken over as stale, before it writes any progress", async () => {
    const project = await createProject(database.prisma);
    await ingestDistinctErrors(project, 6);
    const { models: slow, calls, release } = modelsHeldAtCall(1);
    const { job } = (await createBackfillJobs({ projectIds: [project.id], model: "v2", createdBy: "test" }))[0]!;
    const first = await claimJob(job.id, 60_000);
    expect(first).not.toBeNull();
    const slowRun = runBackfillJob(first!, { models: slow });
    await waitFor(async () => calls() >= 1, 10_000, "the first worker's first call");

    // The first worker looks dead (its heartbeat is old): a second one takes the job over with a new lease.
    expect(await claimJob(job.id, 60_000)).toBeNull(); // not while its heartbeat is fresh
    await database.prisma.job.update({ where: { id: job.id }, data: { heartbeatAt: new Date(Date.now() - 120_000) } });
    const second = await claimJob(job.id, 60_000);
    expect(second).not.toBeNull();
    expect(second!.token).not.toBe(first!.token);
    release();
    expect(await slowRun).toBe("lost");
    expect(await jobOf(job.id)).toMatchObject({ status: "running", progressDone: 0, cursor: null });

    expect(await runBackfillJob(second!, { models: fixtureModels })).toBe("done");
    expect(await jobOf(job.id)).toMatchObject({ status: "done", progressDone: 6 });
  }, 30_000);

  it("keeps one active backfill per project: a second request gets the first job back, or 409 for one project", async () => {
    const project = await createProject(database.prisma);
    const [first] = await createBackfillJobs({ projectIds: [project.id], model: "v2", createdBy: "test" });
    const [second] = await createBackfillJobs({ projectIds: [project.id], model: "v2", createdBy: "test" });
    expect(first).toMatchObject({ existed: false });
    expect(second).toMatchObject({ existed: true, job: { id: first!.job.id } });
    const admin: SessionUser = { id: 1, email: "admin@example.test", name: null, role: "admin" };
    const refused = await createBackfill(admin, { projectId: project.id }, fixtureModels).catch((error) => error);
    expect(refused).toBeInstanceOf(ConflictError);
    expect(refused).toMatchObject({ status: 409, envelope: { job: { id: first!.job.id, status: "queued" } } });
    // The database itself refuses a second active job, whoever writes it.
    await expect(
      database.prisma.job.create({ data: { kind: "backfill", projectId: project.id, createdBy: "sql" } }),
    ).rejects.toThrow(/Unique constraint/);
    await database.prisma.job.update({ where: { id: first!.job.id }, data: { status: "done" } });
    const [after] = await createBackfillJobs({ projectIds: [project.id], model: "v2", createdBy: "test" });
    expect(after).toMatchObject({ existed: false });
    expect(after!.job.id).not.toBe(first!.job.id);
  });
});
