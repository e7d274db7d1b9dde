import "server-only";
import type { SentryEvent } from "@/engine/event/schema";
import { eventExceptionType } from "@/engine/event/title";
import { db } from "../db";
import type { Transaction } from "../db/client";
import { vectorColumn } from "../db/vectors";
import { groupingModels } from "../grouping/default-models";
import type { GroupingModel, GroupingModels } from "../grouping/models";
import { groupingCall } from "../grouping/service";
import { logger } from "../logger";
import { DEFAULT_BATCH_SIZE, type BackfillParams } from "./jobs";

/**
 * The v2 backfill of one project: each eligible group hash (some event carrying it has an embedding text) gets its
 * latest event's embedding text sent in training mode, in batches of group_hashes ids. After each batch the
 * cursor (last id), the progress and the heartbeat are saved, so a restarted process resumes after the last saved
 * batch; hashes that already have the model's embedding are skipped, so a batch cut short by a crash is not sent
 * twice and records are never duplicated.
 */

/** "lost": another worker took the job over (it found the heartbeat stale); this one stopped without writing. */
export type BackfillOutcome = "done" | "cancelled" | "aborted" | "failed" | "lost";

export type { JobLease } from "./job-lease";
import type { JobLease } from "./job-lease";

export interface BackfillRunOptions {
  models?: GroupingModels;
  /** Aborting stops at the next item and leaves the job as it is (a shutdown or a crash: another run resumes it). */
  signal?: AbortSignal;
  onProgress?: (progress: { done: number; total: number }) => void;
}

interface Cursor {
  lastId: number;
}

interface BatchRow {
  id: number;
  hash: string;
  text: string;
  payload: unknown;
  covered: boolean;
}

async function nextBatch(
  tx: Transaction,
  projectId: number,
  model: GroupingModel,
  afterId: number,
  size: number,
): Promise<BatchRow[]> {
  const column = vectorColumn(model.column);
  return tx.$queryRaw<BatchRow[]>`
    SELECT gh.id, gh.hash, le.embedding_text AS text, le.payload, (gr.${column} IS NOT NULL) AS covered
      FROM group_hashes gh
      JOIN LATERAL (
        SELECT e.embedding_text, e.payload FROM events e
         WHERE e.project_id = gh.project_id AND e.embedding_text IS NOT NULL AND gh.hash = ANY(e.hashes)
         ORDER BY e.received_at DESC, e.id DESC LIMIT 1
      ) le ON true
      LEFT JOIN grouping_records gr ON gr.project_id = gh.project_id AND gr.hash = gh.hash
     WHERE gh.project_id = ${projectId} AND gh.id > ${afterId}
     ORDER BY gh.id
     LIMIT ${size}`;
}

async function remaining(tx: Transaction, projectId: number, afterId: number): Promise<number> {
  const [row] = await tx.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM group_hashes gh
     WHERE gh.project_id = ${projectId} AND gh.id > ${afterId}
       AND EXISTS (SELECT 1 FROM events e WHERE e.project_id = gh.project_id AND e.embedding_text IS NOT NULL AND gh.hash = ANY(e.hashes))`;
  return row?.n ?? 0;
}

async function sendTraining(
  projectId: number,
  row: BatchRow,
  model: GroupingModel,
  models: GroupingModels,
): Promise<void> {
  await groupingCall(
    {
      projectId,
      stacktrace: row.text,
      hash: row.hash,
      exceptionType: eventExceptionType(row.payload as SentryEvent),
      model: model.version,
      trainingMode: true,
      skipFallback: true,
    },
    models,
  );
  const prisma = await db();
  await prisma.groupHash.update({ where: { id: row.id }, data: { latestTrainingModel: model.version } });
}

/** Runs (or resumes) a claimed backfill job until it is done, cancelled, fails, loses its lease, or the signal aborts it. */
export async function runBackfillJob(lease: JobLease, options: BackfillRunOptions = {}): Promise<BackfillOutcome> {
  const { jobId } = lease;
  const models = options.models ?? groupingModels();
  const prisma = await db();
  const job = await prisma.job.findUniqueOrThrow({ where: { id: jobId } });
  const params = (job.params ?? {}) as Partial<BackfillParams>;
  const model = models.get(params.model ?? models.next()?.version ?? "");
  // Every write names the lease: a job cancelled, or taken over by another worker, is no longer this run's to write.
  const ours = { id: jobId, status: "running" as const, leaseToken: lease.token };
  const lostOrCancelled = async (): Promise<BackfillOutcome> => {
    const now = await prisma.job.findUnique({ where: { id: jobId }, select: { status: true } });
    return now?.status === "running" ? "lost" : "cancelled";
  };
  const fail = async (error: string) => {
    const failed = await prisma.job.updateMany({
      where: ours,
      data: { status: "failed", error, finishedAt: new Date() },
    });
    return failed.count ? ("failed" as const) : lostOrCancelled();
  };
  if (job.leaseToken !== lease.token) return lostOrCancelled();
  if (!job.projectId) return fail("the job names no project");
  if (!model) return fail(`model ${params.model ?? "(next)"} is not available`);
  if (model.status === "retired") return fail(`model ${model.version} is retired: nothing may write its column`);
  const projectId = job.projectId;
  const batchSize = params.batchSize ?? DEFAULT_BATCH_SIZE;

  let cursor: Cursor = { lastId: Number((job.cursor as Partial<Cursor> | null)?.lastId ?? 0) };
  let done = job.progressDone;
  const total = done + (await prisma.$transaction((tx) => remaining(tx, projectId, cursor.lastId)));
  const started = await prisma.job.updateMany({ where: ours, data: { progressTotal: total, heartbeatAt: new Date() } });
  if (started.count === 0) return lostOrCancelled();
  options.onProgress?.({ done, total });

  try {
    for (;;) {
      const rows = await prisma.$transaction((tx) => nextBatch(tx, projectId, model, cursor.lastId, batchSize));
      if (rows.length === 0) break;
      for (const row of rows) {
        if (options.signal?.aborted) return "aborted";
        if (!row.covered) await sendTraining(projectId, row, model, models);
      }
      cursor = { lastId: rows.at(-1)!.id };
      done += rows.length;
      const saved = await prisma.job.updateMany({
        where: ours,
        data: {
          cursor: { ...cursor },
          progressDone: done,
          progressTotal: Math.max(total, done),
          heartbeatAt: new Date(),
        },
      });
      if (saved.count === 0) return lostOrCancelled();
      options.onProgress?.({ done, total: Math.max(total, done) });
    }
  } catch (error) {
    if (options.signal?.aborted) return "aborted";
    logger.error("backfill job failed", { jobId, projectId, error });
    return fail((error as Error).message);
  }
  const finished = await prisma.job.updateMany({
    where: ours,
    data: { status: "done", progressDone: done, progressTotal: done, finishedAt: new Date(), heartbeatAt: new Date() },
  });
  return finished.count ? "done" : lostOrCancelled();
}
