import "server-only";
import type { ApplyCohortRequest, ApplyCohortResponse, CreateBackfillRequest, Job } from "@/lib/contracts/rollout";
import type { SessionUser } from "../auth/session";
import { groupingModels } from "../grouping/default-models";
import { trainingModelOf, type GroupingModels } from "../grouping/models";
import { projectGroupingFlags } from "../ingest/flags";
import { ConflictError, ValidationError } from "../http/errors";
import { resolveCohort } from "./cohorts";
import { changeFlags } from "./flag-service";
import { createBackfillJobs } from "./jobs";
import { scheduleChange } from "./scheduled";

/** Applies a change to a cohort now (one transaction, one audit entry per project changed) or schedules it. */
export async function applyCohort(
  user: SessionUser,
  request: ApplyCohortRequest,
  now = new Date(),
): Promise<ApplyCohortResponse> {
  const projects = await resolveCohort(request.cohort);
  if (projects.length === 0)
    throw new ValidationError("The cohort selects no project; widen the filter or the percentage.");
  const projectIds = projects.map((p) => p.id);
  const runAt = request.runAt ? new Date(request.runAt) : null;
  if (runAt && runAt.getTime() > now.getTime()) {
    const scheduled = await scheduleChange(user, { projectIds, change: request.change, reason: request.reason, runAt });
    return { applied: [], scheduled };
  }
  const written = await changeFlags(user, { projectIds, change: request.change, reason: request.reason });
  return { applied: written.map((w) => w.projectId), scheduled: null };
}

/**
 * Queues the next model's backfill for a project or for each project of a cohort. A project that already has one
 * queued or running answers 409 with that job; a cohort keeps its members' active jobs and queues the others.
 */
export async function createBackfill(
  user: SessionUser,
  request: CreateBackfillRequest,
  models: GroupingModels = groupingModels(),
): Promise<Job[]> {
  const next = models.next();
  if (!next) throw new ValidationError('There is no next model to backfill: no model has the status "next".');
  const projectIds =
    request.projectId !== undefined
      ? [request.projectId]
      : (await resolveCohort(request.cohort!, models)).map((p) => p.id);
  if (projectIds.length === 0)
    throw new ValidationError("The cohort selects no project; widen the filter or the percentage.");
  // One project backfills the next model it is on (one registered from the console, say); a cohort the oldest one.
  const model =
    request.projectId !== undefined
      ? (trainingModelOf(models, (await projectGroupingFlags(request.projectId)).model) ?? next.version)
      : next.version;
  const created = await createBackfillJobs({
    projectIds,
    model,
    batchSize: request.batchSize,
    createdBy: user,
  });
  const [only] = created;
  if (request.projectId !== undefined && only?.existed) {
    const error = new ConflictError(
      `Project ${request.projectId} already has a backfill ${only.job.status} (job #${only.job.id}); it was not queued again.`,
    );
    error.envelope = { job: only.job };
    throw error;
  }
  return created.map((entry) => entry.job);
}
