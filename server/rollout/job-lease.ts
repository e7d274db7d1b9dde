import "server-only";
import { db } from "../db";
import type { Prisma } from "../db/client";

/** A claim on a job: only the holder of the current token may write its progress (see job-runner.ts). */
export interface JobLease {
  jobId: number;
  token: string;
}

/** The condition of every write a run makes to its job: still running, still under this run's lease. */
export function heldBy(lease: JobLease) {
  return { id: lease.jobId, status: "running" as const, leaseToken: lease.token };
}

/**
 * Ends a run's job as done or failed (with its error, and what the run keeps on the job's cursor), if the run still
 * holds it; "cancelled" when it no longer does (an admin cancelled it, or another worker took it over).
 */
export async function endLeasedJob(
  lease: JobLease,
  end: { status: "done" | "failed"; error?: string; cursor?: Prisma.InputJsonObject },
): Promise<"done" | "failed" | "cancelled"> {
  const prisma = await db();
  const ended = await prisma.job.updateMany({
    where: heldBy(lease),
    data: { status: end.status, error: end.error ?? null, cursor: end.cursor, finishedAt: new Date() },
  });
  return ended.count ? end.status : "cancelled";
}
