import "server-only";
import type { LabelJob, LabelJobRequest, LabelJobsResponse } from "@/lib/contracts/labeling";
import { labelerChoices } from "@/lib/contracts/labeling";
import { recordAudit } from "../audit/record";
import type { SessionUser } from "../auth/session";
import { db, inTransaction } from "../db";
import type { Job } from "../db/generated/client";
import { env } from "../env";
import { ConflictError, ValidationError } from "../http/errors";
import { logger } from "../logger";
import { endLeasedJob, heldBy, type JobLease } from "../rollout/job-lease";
import { toJobView } from "../rollout/jobs";
import { LabelerConfigError, configuredLabeler } from "./labelers";
import { describeLabelRun, runLabeler, type LabelRunSource } from "./run";

/**
 * Label jobs: an admin's automated label run from the console, queued in `jobs` (kind "label", no project) and run by
 * the server's job runner with progress, cancellable, one at a time. The labels are stored as each answer comes, so a
 * cancelled job keeps what it labeled and the next one goes on with the rest.
 */
export const LABEL_KIND = "label";
const ACTIVE = ["queued", "running"] as const;

interface LabelParams {
  labeler: LabelJobRequest["labeler"];
  source: LabelRunSource;
  limit: number | null;
}

function paramsOf(job: Job): LabelParams {
  const params = (job.params ?? {}) as Partial<LabelParams>;
  return {
    labeler: labelerChoices.includes(params.labeler!) ? params.labeler! : "builtin",
    source: params.source ?? "merge_sample",
    limit: params.limit ?? null,
  };
}

function toLabelJob(job: Job): LabelJob {
  const summary = (job.cursor as { summary?: unknown } | null)?.summary;
  return { job: toJobView(job), ...paramsOf(job), summary: typeof summary === "string" ? summary : null };
}

/** The latest label jobs and the labelers this server can run. */
export async function listLabelJobs(): Promise<LabelJobsResponse> {
  const prisma = await db();
  const jobs = await prisma.job.findMany({ where: { kind: LABEL_KIND }, orderBy: { id: "desc" }, take: 20 });
  const config = env();
  return {
    jobs: jobs.map(toLabelJob),
    labelers: labelerChoices.map((kind) => {
      try {
        const labeler = configuredLabeler(kind, config);
        return { kind, name: labeler.name, configured: true, note: `${labeler.name} (${labeler.version})` };
      } catch (error) {
        if (!(error instanceof LabelerConfigError)) throw error;
        return { kind, name: null, configured: false, note: error.message };
      }
    }),
  };
}

/** Queues a label job (admins; audited). Refused while another label job is queued or running, or when unconfigured. */
export async function createLabelJob(actor: SessionUser, request: LabelJobRequest): Promise<LabelJob> {
  try {
    configuredLabeler(request.labeler, env());
  } catch (error) {
    if (error instanceof LabelerConfigError) throw new ValidationError(error.message);
    throw error;
  }
  const params: LabelParams = { labeler: request.labeler, source: request.source, limit: request.limit ?? null };
  return inTransaction(async (tx) => {
    // One label job at a time: the lock makes two concurrent requests see each other's job.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('regroup.label_job'))`;
    const active = await tx.job.findFirst({ where: { kind: LABEL_KIND, status: { in: [...ACTIVE] } } });
    if (active)
      throw new ConflictError(`Label job #${active.id} is ${active.status}; cancel it or wait for it to end.`);
    const job = await tx.job.create({ data: { kind: LABEL_KIND, params: { ...params }, createdBy: actor.email } });
    await recordAudit(tx, {
      actor,
      action: "label_job.create",
      target: { type: "job", id: job.id, label: `label job #${job.id}` },
      after: { ...params },
    });
    return toLabelJob(job);
  });
}

/**
 * Runs a claimed label job to its end. Progress is written with the lease, and a write that finds the job no longer
 * this run's (cancelled, or taken over) stops the labeling at its next pair.
 */
export async function runLabelJob(lease: JobLease, options: { signal?: AbortSignal } = {}) {
  const prisma = await db();
  const job = await prisma.job.findUniqueOrThrow({ where: { id: lease.jobId } });
  const params = paramsOf(job);
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  try {
    const labeler = configuredLabeler(params.labeler, env());
    const result = await runLabeler({
      labeler,
      source: params.source,
      limit: params.limit,
      concurrency: params.labeler === "llm" ? env().LABELER_LLM_CONCURRENCY : 1,
      tokenBudget: params.labeler === "llm" ? env().LABELER_LLM_TOKEN_BUDGET : null,
      signal,
      onProgress: async ({ done, total }) => {
        const saved = await prisma.job.updateMany({
          where: heldBy(lease),
          data: { progressDone: done, progressTotal: total, heartbeatAt: new Date() },
        });
        if (saved.count === 0) stop.abort();
      },
    });
    if (options.signal?.aborted) return "aborted";
    return await endLeasedJob(lease, { status: "done", cursor: { summary: describeLabelRun(labeler, result) } });
  } catch (error) {
    if (options.signal?.aborted) return "aborted";
    logger.error("label job failed", { jobId: lease.jobId, error });
    return endLeasedJob(lease, { status: "failed", error: (error as Error).message });
  }
}
