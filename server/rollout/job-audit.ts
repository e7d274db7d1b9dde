import "server-only";
import type { Job } from "@/lib/contracts/rollout";
import { recordAudit } from "../audit/record";
import type { SessionUser } from "../auth/session";
import { inTransaction } from "../db";

/**
 * The audit entries of backfill jobs asked for and cancelled. Written right after the change, in a transaction of
 * their own, because job creation and cancellation (jobs.ts) own their transactions.
 */

/** One entry per project whose backfill the admin asked for, naming the job that serves it (new or already active). */
export async function auditBackfillRequested(actor: SessionUser, jobs: readonly Job[]): Promise<void> {
  if (!jobs.length) return;
  await inTransaction(async (tx) => {
    for (const job of jobs) {
      await recordAudit(tx, {
        actor,
        action: "backfill.request",
        target: { type: "project", id: job.projectId ?? "none", label: `project ${job.projectId}` },
        after: { jobId: job.id, kind: job.kind, status: job.status, createdBy: job.createdBy },
      });
    }
  });
}

/** The entry of a cancelled job. */
export async function auditJobCancelled(actor: SessionUser, job: Job): Promise<void> {
  await inTransaction((tx) =>
    recordAudit(tx, {
      actor,
      action: "job.cancel",
      target: {
        type: "job",
        id: job.id,
        label: `job #${job.id} (${job.kind}${job.projectId === null ? "" : `, project ${job.projectId}`})`,
      },
      after: { status: job.status, progressDone: job.progressDone, progressTotal: job.progressTotal },
    }),
  );
}
