import "server-only";
import type { Job as JobView } from "@/lib/contracts/rollout";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import type { Job } from "../db/generated/client";
import { ConflictError, NotFoundError } from "../http/errors";

/** Backfill jobs: creation (one per project), listing, cancellation. The runner (job-runner.ts) executes them. */

export const BACKFILL_KIND = "backfill";
export const DEFAULT_BATCH_SIZE = 50;
const ACTIVE = ["queued", "running"] as const;

export interface BackfillParams {
  model: string;
  batchSize: number;
}

export function toJobView(job: Job): JobView {
  return {
    id: job.id,
    kind: job.kind,
    projectId: job.projectId,
    status: job.status,
    progressDone: job.progressDone,
    progressTotal: job.progressTotal,
    error: job.error,
    createdBy: job.createdBy,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

export interface CreateBackfillOptions {
  projectIds: number[];
  model: string;
  batchSize?: number;
  createdBy: SessionUser | string;
  /** Create the jobs already claimed by this process (the CLI runs them itself), instead of queued for the runner. */
  claimed?: boolean;
}

/**
 * Queues one backfill job per project. A project with a backfill already queued or running keeps that job (it is
 * returned instead), so that a double click or a cohort overlapping a running job never backfills twice.
 */
export async function createBackfillJobs(options: CreateBackfillOptions): Promise<JobView[]> {
  const prisma = await db();
  const createdBy = typeof options.createdBy === "string" ? options.createdBy : options.createdBy.email;
  const params: BackfillParams = { model: options.model, batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE };
  return prisma.$transaction(async (tx) => {
    const ids = [...new Set(options.projectIds)];
    const found = await tx.project.findMany({ where: { id: { in: ids } }, select: { id: true } });
    const missing = ids.filter((id) => !found.some((p) => p.id === id));
    if (missing.length) throw new NotFoundError(`There is no project with id ${missing.join(", ")}.`);
    const jobs: Job[] = [];
    for (const projectId of ids) {
      const active = await tx.job.findFirst({ where: { projectId, kind: BACKFILL_KIND, status: { in: [...ACTIVE] } } });
      if (active) {
        jobs.push(active);
        continue;
      }
      const now = new Date();
      jobs.push(
        await tx.job.create({
          data: {
            kind: BACKFILL_KIND,
            projectId,
            params: { ...params },
            createdBy,
            ...(options.claimed ? { status: "running", startedAt: now, heartbeatAt: now } : {}),
          },
        }),
      );
    }
    return jobs.map(toJobView);
  });
}

/** Jobs by id, or the latest 50. */
export async function listJobs(ids?: number[]): Promise<JobView[]> {
  const prisma = await db();
  const jobs = await prisma.job.findMany({
    where: ids ? { id: { in: ids } } : {},
    orderBy: { id: "desc" },
    take: ids ? undefined : 50,
  });
  return jobs.map(toJobView);
}

/** Cancels a queued or running job; a running one stops at its next item. */
export async function cancelJob(jobId: number): Promise<JobView> {
  const prisma = await db();
  const { count } = await prisma.job.updateMany({
    where: { id: jobId, status: { in: [...ACTIVE] } },
    data: { status: "cancelled", finishedAt: new Date() },
  });
  const job = await prisma.job.findUnique({ where: { id: jobId } });
  if (!job) throw new NotFoundError(`There is no job #${jobId}.`);
  if (count === 0)
    throw new ConflictError(`Job #${jobId} is ${job.status}; only a queued or running job can be cancelled.`);
  return toJobView(job);
}
