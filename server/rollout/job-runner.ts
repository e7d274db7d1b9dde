import "server-only";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "../db";
import { Prisma } from "../db/client";
import { groupingModels } from "../grouping/default-models";
import type { GroupingModels } from "../grouping/models";
import { logger } from "../logger";
import { runBackfillJob, type BackfillOutcome, type JobLease } from "./backfill";
import { enforceGuardrails } from "./guardrails";
import { BACKFILL_KIND } from "./jobs";
import { LABEL_KIND, runLabelJob } from "../labeling/label-job";
import { WHAT_IF_KIND, runWhatIfJob } from "./what-if";
import { applyDueScheduledChanges } from "./scheduled";

/**
 * The background loop of a server process: applies scheduled changes when due and enforces guardrails (every
 * `intervalMs`), and runs jobs one at a time (v2 backfills, automated label runs, what-if replays) — queued ones, and running ones whose heartbeat is older than
 * `staleAfterMs` (their process died: the job resumes from its cursor). Claims are atomic (FOR UPDATE SKIP LOCKED),
 * so several servers on one PostgreSQL never claim the same job at once or apply the same change twice. A claim
 * writes a new lease token, and every heartbeat and progress write of the run names it: a worker that was only slow
 * (its job was taken over as stale) finds its token gone and stops, so a job is never run by two workers at once.
 */
export interface JobRunnerOptions {
  intervalMs?: number;
  staleAfterMs?: number;
  guardrailEveryMs?: number;
  models?: GroupingModels;
}

export interface JobRunner {
  /** Stops both loops; a job in progress stops at its next item and stays "running" (resumed once stale). */
  stop(): Promise<void>;
  /** The outcome of each job this runner finished (tests wait on it). */
  readonly finished: { jobId: number; outcome: BackfillOutcome }[];
}

const holder = globalThis as typeof globalThis & { __regroupJobRunner?: JobRunner };

/** Waits `ms`, or less when the runner stops: the abort ends the wait early, which is no error here. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return sleep(ms, undefined, { signal, ref: false }).catch((error: unknown) => {
    if (!signal.aborted) throw error;
  });
}

/** How each kind of job runs: to its end, or until it is cancelled, loses its lease, or the signal aborts it. */
const jobRuns: Record<
  string,
  (lease: JobLease, options: { models: GroupingModels; signal: AbortSignal }) => Promise<BackfillOutcome>
> = {
  [BACKFILL_KIND]: runBackfillJob,
  [LABEL_KIND]: runLabelJob,
  [WHAT_IF_KIND]: runWhatIfJob,
};
const JOB_KINDS = Object.keys(jobRuns);

/** A claimed job's lease, with the job's kind (which run it takes). */
type ClaimedJob = JobLease & { kind: string };

async function claim(staleAfterMs: number, now: Date, only: Prisma.Sql): Promise<ClaimedJob | null> {
  const prisma = await db();
  const staleBefore = new Date(now.getTime() - staleAfterMs);
  const token = randomUUID();
  const [claimed] = await prisma.$queryRaw<{ id: number; kind: string }[]>`
    UPDATE jobs SET status = 'running', started_at = COALESCE(started_at, ${now}), heartbeat_at = ${now},
                    lease_token = ${token}
     WHERE id = (
       SELECT id FROM jobs
        WHERE kind IN (${Prisma.join(JOB_KINDS)}) AND ${only}
          AND (status = 'queued' OR (status = 'running' AND (heartbeat_at IS NULL OR heartbeat_at < ${staleBefore})))
        ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING id, kind`;
  return claimed ? { jobId: claimed.id, token, kind: claimed.kind } : null;
}

/** Claims the oldest queued job, or a running one whose process stopped beating; null when there is none. */
export function claimNextJob(staleAfterMs: number, now = new Date()): Promise<ClaimedJob | null> {
  return claim(staleAfterMs, now, Prisma.sql`true`);
}

/** Claims this job if it is queued or its worker stopped beating; null when a live worker holds it or it ended. */
export function claimJob(jobId: number, staleAfterMs: number, now = new Date()): Promise<JobLease | null> {
  return claim(staleAfterMs, now, Prisma.sql`id = ${jobId}`);
}

/** Starts a runner (not the process-wide one: tests start and stop their own). */
export function createJobRunner(options: JobRunnerOptions = {}): JobRunner {
  const intervalMs = options.intervalMs ?? 2_000;
  const staleAfterMs = options.staleAfterMs ?? 60_000;
  const guardrailEveryMs = options.guardrailEveryMs ?? 60_000;
  const models = () => options.models ?? groupingModels();
  const controller = new AbortController();
  const { signal } = controller;
  const finished: JobRunner["finished"] = [];

  async function changesLoop() {
    let lastGuardrails = 0;
    while (!signal.aborted) {
      try {
        await applyDueScheduledChanges();
        if (Date.now() - lastGuardrails >= guardrailEveryMs) {
          lastGuardrails = Date.now();
          await enforceGuardrails(models());
        }
      } catch (error) {
        logger.error("job runner: scheduled changes or guardrails failed", { error });
      }
      await pause(intervalMs, signal);
    }
  }

  async function jobsLoop() {
    while (!signal.aborted) {
      let lease: ClaimedJob | null = null;
      try {
        lease = await claimNextJob(staleAfterMs);
      } catch (error) {
        logger.error("job runner: could not claim a job", { error });
      }
      if (lease === null) {
        await pause(intervalMs, signal);
        continue;
      }
      const { jobId } = lease;
      // A heartbeat that finds the lease gone stops the run at its next item instead of its next batch.
      const lost = new AbortController();
      const beat = setInterval(
        () => void heartbeat(lease).then((held) => held || lost.abort()),
        Math.max(1_000, staleAfterMs / 3),
      );
      beat.unref?.();
      try {
        const runSignal = AbortSignal.any([signal, lost.signal]);
        const outcome = await jobRuns[lease.kind]!(lease, { models: models(), signal: runSignal });
        finished.push({ jobId, outcome: lost.signal.aborted && outcome === "aborted" ? "lost" : outcome });
      } catch (error) {
        logger.error("job runner: a job crashed", { jobId, kind: lease.kind, error });
      } finally {
        clearInterval(beat);
      }
    }
  }

  const loops = Promise.all([changesLoop(), jobsLoop()]);
  return {
    finished,
    async stop() {
      controller.abort();
      await loops;
    },
  };
}

/** Renews the lease; false when it is no longer this worker's (cancelled, or taken over), true otherwise. */
async function heartbeat(lease: JobLease): Promise<boolean> {
  const prisma = await db();
  const renewed = await prisma.job
    .updateMany({
      where: { id: lease.jobId, status: "running", leaseToken: lease.token },
      data: { heartbeatAt: new Date() },
    })
    .catch(() => null);
  // A database hiccup is not a lost lease: the next progress write decides.
  return renewed === null || renewed.count > 0;
}

/**
 * Starts this process's job runner once (later calls return the same one). Call it after the database is open:
 * `startJobRunner()` in scripts/serve.ts.
 */
export function startJobRunner(options: JobRunnerOptions = {}): JobRunner {
  holder.__regroupJobRunner ??= createJobRunner(options);
  return holder.__regroupJobRunner;
}
