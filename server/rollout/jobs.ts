import "server-only";
import { randomUUID } from "node:crypto";
import type { Job as JobView } from "@/lib/contracts/rollout";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import type { Transaction } from "../db/client";
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

export interface CreatedBackfill {
  job: JobView;
  /** The project already had this job queued or running: nothing was created for it. */
  existed: boolean;
  /** The lease of a job created already claimed (`claimed`); null otherwise. */
  leaseToken: string | null;
}

/**
 * Queues one backfill job per project. A project with a backfill already queued or running keeps that job (it is
 * returned, marked `existed`), so that a double click or a cohort overlapping a running job never backfills twice.
 * The partial unique index on active jobs decides it, not a read before the insert: two concurrent requests for
 * one project insert one job, and the other waits for it and gets it back.
 */
export async function createBackfillJobs(options: CreateBackfillOptions): Promise<CreatedBackfill[]> {
  const prisma = await db();
  const createdBy = typeof options.createdBy === "string" ? options.createdBy : options.createdBy.email;
  const params: BackfillParams = { model: options.model, batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE };
  return prisma.$transaction(async (tx) => {
    const ids = [...new Set(options.projectIds)];
    const found = await tx.project.findMany({ where: { id: { in: ids } }, select: { id: true } });
    const missing = ids.filter((id) => !found.some((p) => p.id === id));
    if (missing.length) throw new NotFoundError(`There is no project with id ${missing.join(", ")}.`);
    const created: CreatedBackfill[] = [];
    for (const projectId of ids) {
      const leaseToken = options.claimed ? randomUUID() : null;
      created.push(await createOrFindActive(tx, { projectId, params, createdBy, leaseToken }));
    }
    return created;
  });
}

interface NewJob {
  projectId: number;
  params: BackfillParams;
  createdBy: string;
  leaseToken: string | null;
}

/** A job of one project; at most one of each kind per project is queued or running. */
export interface NewProjectJob {
  kind: string;
  projectId: number;
  params: object;
  createdBy: string;
  /** Created already claimed by this lease (running), instead of queued. */
  leaseToken?: string | null;
}

async function createOrFindActive(tx: Transaction, input: NewJob): Promise<CreatedBackfill> {
  for (let attempt = 1; ; attempt += 1) {
    const job = await insertUnlessActive(tx, { kind: BACKFILL_KIND, ...input });
    if (job) return { job: toJobView(job), existed: false, leaseToken: input.leaseToken };
    const active = await tx.job.findFirst({
      where: { projectId: input.projectId, kind: BACKFILL_KIND, status: { in: [...ACTIVE] } },
    });
    if (active) return { job: toJobView(active), existed: true, leaseToken: null };
    // The active job ended between the two statements (READ COMMITTED): there is room for a new one now.
    if (attempt === 3)
      throw new ConflictError(`The backfill of project ${input.projectId} keeps changing; send the request again.`);
  }
}

/** Inserts the job unless one of its kind is queued or running for the project; null when one is. */
export async function insertUnlessActive(tx: Transaction, input: NewProjectJob): Promise<Job | null> {
  const leaseToken = input.leaseToken ?? null;
  const claimed = leaseToken !== null;
  // ON CONFLICT on the partial unique index: when another transaction has just inserted an active job for the
  // project, this insert waits for it to end, then inserts nothing (it committed) or its own row (it rolled back).
  const [row] = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO jobs (kind, project_id, params, created_by, status, started_at, heartbeat_at, lease_token)
    VALUES (${input.kind}, ${input.projectId}, ${JSON.stringify(input.params)}::jsonb, ${input.createdBy},
            ${claimed ? "running" : "queued"}::job_status, ${claimed ? new Date() : null}::timestamptz,
            ${claimed ? new Date() : null}::timestamptz, ${leaseToken})
    ON CONFLICT (project_id, kind) WHERE status IN ('queued', 'running') DO NOTHING
    RETURNING id`;
  return row ? tx.job.findUniqueOrThrow({ where: { id: row.id } }) : null;
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
