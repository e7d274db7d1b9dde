import "server-only";
import { db } from "../db";
import { groupingModels } from "../grouping/default-models";
import type { GroupingModels } from "../grouping/models";
import { logger } from "../logger";
import { runBackfillJob, type BackfillOutcome } from "./backfill";
import { enforceGuardrails } from "./guardrails";
import { BACKFILL_KIND } from "./jobs";
import { applyDueScheduledChanges } from "./scheduled";

/**
 * The background loop of a server process: applies scheduled changes when due and enforces guardrails (every
 * `intervalMs`), and runs backfill jobs one at a time — queued ones, and running ones whose heartbeat is older than
 * `staleAfterMs` (their process died: the job resumes from its cursor). Claims are atomic (FOR UPDATE SKIP LOCKED),
 * so several servers on one PostgreSQL never run the same job or apply the same change twice.
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

/** Waits `ms`, or less when the runner stops; removes its abort listener either way (the loops sleep forever). */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    timer.unref?.();
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** Claims the oldest queued job, or a running one whose process stopped beating; null when there is none. */
export async function claimNextJob(staleAfterMs: number, now = new Date()): Promise<number | null> {
  const prisma = await db();
  const staleBefore = new Date(now.getTime() - staleAfterMs);
  const [claimed] = await prisma.$queryRaw<{ id: number }[]>`
    UPDATE jobs SET status = 'running', started_at = COALESCE(started_at, ${now}), heartbeat_at = ${now}
     WHERE id = (
       SELECT id FROM jobs
        WHERE kind = ${BACKFILL_KIND}
          AND (status = 'queued' OR (status = 'running' AND (heartbeat_at IS NULL OR heartbeat_at < ${staleBefore})))
        ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  return claimed?.id ?? null;
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
      await sleep(intervalMs, signal);
    }
  }

  async function jobsLoop() {
    while (!signal.aborted) {
      let jobId: number | null = null;
      try {
        jobId = await claimNextJob(staleAfterMs);
      } catch (error) {
        logger.error("job runner: could not claim a job", { error });
      }
      if (jobId === null) {
        await sleep(intervalMs, signal);
        continue;
      }
      const beat = setInterval(() => void heartbeat(jobId), Math.max(1_000, staleAfterMs / 3));
      beat.unref?.();
      try {
        const outcome = await runBackfillJob(jobId, { models: models(), signal });
        finished.push({ jobId, outcome });
      } catch (error) {
        logger.error("job runner: backfill crashed", { jobId, error });
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

async function heartbeat(jobId: number): Promise<void> {
  const prisma = await db();
  await prisma.job
    .updateMany({ where: { id: jobId, status: "running" }, data: { heartbeatAt: new Date() } })
    .catch(() => undefined);
}

/**
 * Starts this process's job runner once (later calls return the same one). Call it after the database is open:
 * `startJobRunner()` in scripts/serve.ts.
 */
export function startJobRunner(options: JobRunnerOptions = {}): JobRunner {
  holder.__regroupJobRunner ??= createJobRunner(options);
  return holder.__regroupJobRunner;
}
