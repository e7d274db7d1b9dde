import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import type { ReviewSource } from "@/lib/contracts/review";
import { db } from "../db";
import { Prisma } from "../db/client";
import type { AutomatedVerdict, Labeler, LabelingTask } from "./labeler";
import { MalformedAnswerError, RetryableLabelerError } from "./labeler";
import { labelingTasks } from "./tasks";

/** Which review pairs a run labels: one review source, or every pair. */
export type LabelRunSource = ReviewSource | "all";

export interface LabelRunProgress {
  done: number;
  total: number;
  labeled: number;
  tokens: number;
}

export interface LabelRunOptions {
  labeler: Labeler;
  source: LabelRunSource;
  /** At most this many pairs (the oldest first); null: all that this labeler's version has not labeled yet. */
  limit?: number | null;
  /** Pairs asked at once. */
  concurrency?: number;
  /** Stop before a pair whose estimated cost would take the run past this many tokens; null: no budget. */
  tokenBudget?: number | null;
  /** Tries per pair for a retryable failure (429, timeout, 5xx) before the pair is given up. */
  maxAttempts?: number;
  /** The first retry's wait (doubled per try, with jitter), unless the server said Retry-After. */
  backoffMs?: number;
  signal?: AbortSignal;
  onProgress?: (progress: LabelRunProgress) => void | Promise<void>;
}

export interface LabelRunResult {
  /** Pairs the run set out to label. */
  total: number;
  /** Pairs now carrying this labeler's label. */
  labeled: number;
  verdicts: Record<AutomatedVerdict, number>;
  /** Answers refused as malformed: no label stored. */
  malformed: number;
  /** Pairs given up after maxAttempts retryable failures: no label stored. */
  failed: number;
  retries: number;
  tokens: number;
  /** Why the run ended: every pair asked, the token budget reached, or cancelled. */
  stopped: "done" | "budget" | "aborted";
  /** The first few problems, for the report. */
  problems: string[];
}

const TASK_CHUNK = 50;
const MAX_PROBLEMS = 10;

/** The pairs of a source that this labeler's version has not labeled, oldest first. */
export async function pairsToLabel(labeler: Labeler, source: LabelRunSource, limit: number | null): Promise<number[]> {
  const prisma = await db();
  const sourceCondition =
    source === "all"
      ? Prisma.sql`true`
      : source === "merge_sample"
        ? Prisma.sql`rp.source = 'merge_sample' AND rp.merge_sample_probability IS NOT NULL`
        : Prisma.sql`rp.source = ${source}::review_source`;
  const rows = await prisma.$queryRaw<{ id: number }[]>`
    SELECT rp.id FROM review_pairs rp
     WHERE ${sourceCondition}
       AND NOT EXISTS (SELECT 1 FROM labels l
                        WHERE l.pair_id = rp.id AND l.labeler_name = ${labeler.name}
                          AND l.labeler_version IS NOT DISTINCT FROM ${labeler.version})
     ORDER BY rp.id
     LIMIT ${limit ?? 2_147_483_647}`;
  return rows.map((row) => row.id);
}

/** Stores one automated label (replacing this labeler's earlier one on the pair). */
async function storeLabel(labeler: Labeler, pairId: number, verdict: AutomatedVerdict, reason: string) {
  const prisma = await db();
  const fields = {
    verdict,
    reason,
    labelerKind: "automated" as const,
    labelerVersion: labeler.version,
    labelerId: null,
    blind: true,
  };
  // A pair deleted while the run went on (its project deleted) has nothing to label: that is no failure.
  await prisma.label
    .upsert({
      where: { pairId_labelerName: { pairId, labelerName: labeler.name } },
      create: { pairId, labelerName: labeler.name, ...fields },
      update: fields,
    })
    .catch((error: unknown) => {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") return;
      throw error;
    });
}

function backoff(attempt: number, baseMs: number, error: RetryableLabelerError): number {
  if (error.retryAfterMs !== null) return Math.min(error.retryAfterMs, 60_000);
  const exponential = baseMs * 2 ** (attempt - 1);
  return Math.min(exponential * (0.5 + Math.random()), 60_000);
}

/**
 * Labels review pairs with an automated labeler: `concurrency` pairs at a time, retrying rate limits, timeouts and
 * server errors with exponential backoff (or the server's Retry-After), refusing malformed answers (no label), and
 * stopping before the token budget would be passed. Each answer is stored as it comes, so a cancelled or crashed run
 * keeps what it labeled and a rerun goes on with the rest. Any other error (a wrong key, a bad URL) ends the run: it
 * would fail every pair.
 */
export async function runLabeler(options: LabelRunOptions): Promise<LabelRunResult> {
  const { labeler } = options;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const maxAttempts = Math.max(1, options.maxAttempts ?? 5);
  const backoffMs = options.backoffMs ?? 1_000;
  const budget = options.tokenBudget ?? null;
  const signal = options.signal ?? new AbortController().signal;
  const pairIds = await pairsToLabel(labeler, options.source, options.limit ?? null);
  const result: LabelRunResult = {
    total: pairIds.length,
    labeled: 0,
    verdicts: { GROUP: 0, SEPARATE: 0, UNSURE: 0 },
    malformed: 0,
    failed: 0,
    retries: 0,
    tokens: 0,
    stopped: "done",
    problems: [],
  };
  const problem = (pairId: number, message: string) => {
    if (result.problems.length < MAX_PROBLEMS) result.problems.push(`pair ${pairId}: ${message}`);
  };
  let done = 0;
  let reserved = 0;
  let stop: LabelRunResult["stopped"] | null = null;
  const report = () =>
    options.onProgress?.({ done, total: result.total, labeled: result.labeled, tokens: result.tokens });

  /** Asks for one pair's label; false when the budget stopped the run before it. */
  async function labelOne(task: LabelingTask): Promise<boolean> {
    const estimate = labeler.estimateTokens?.(task) ?? 0;
    if (budget !== null && result.tokens + reserved + estimate > budget) {
      stop ??= "budget";
      return false;
    }
    reserved += estimate;
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          const answer = await labeler.label(task, signal);
          result.tokens += answer.tokens;
          await storeLabel(labeler, task.pairId, answer.verdict, answer.reason);
          result.labeled += 1;
          result.verdicts[answer.verdict] += 1;
          return true;
        } catch (error) {
          if (signal.aborted) throw error;
          if (error instanceof MalformedAnswerError) {
            result.tokens += estimate;
            result.malformed += 1;
            problem(task.pairId, `malformed answer (${error.message})`);
            return true;
          }
          if (!(error instanceof RetryableLabelerError)) throw error;
          if (attempt >= maxAttempts) {
            result.failed += 1;
            problem(task.pairId, `gave up after ${attempt} tries (${error.message})`);
            return true;
          }
          result.retries += 1;
          await sleep(backoff(attempt, backoffMs, error), undefined, { signal });
        }
      }
    } finally {
      reserved -= estimate;
    }
  }

  try {
    for (let start = 0; start < pairIds.length && stop === null; start += TASK_CHUNK) {
      const tasks = await labelingTasks(pairIds.slice(start, start + TASK_CHUNK));
      done += Math.min(TASK_CHUNK, pairIds.length - start) - tasks.length; // deleted since they were listed
      let next = 0;
      const worker = async () => {
        while (stop === null && !signal.aborted && next < tasks.length) {
          if (await labelOne(tasks[next++]!)) {
            done += 1;
            await report();
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
      if (signal.aborted) stop = "aborted";
    }
  } catch (error) {
    if (!signal.aborted) throw error;
    stop = "aborted";
  }
  result.stopped = stop ?? "done";
  return result;
}

/** One line saying what a run did (the CLI prints it, a label job keeps it). */
export function describeLabelRun(labeler: Pick<Labeler, "name" | "version">, result: LabelRunResult): string {
  const { verdicts } = result;
  const stopped =
    result.stopped === "budget"
      ? " Stopped at the token budget; run again with a larger budget for the rest."
      : result.stopped === "aborted"
        ? " Interrupted; run again to label the rest."
        : "";
  return (
    `${labeler.name} (${labeler.version}): ${result.labeled} of ${result.total} pair(s) labeled ` +
    `(${verdicts.GROUP} GROUP, ${verdicts.SEPARATE} SEPARATE, ${verdicts.UNSURE} UNSURE); ` +
    `${result.malformed} malformed answer(s) refused, ${result.failed} given up, ${result.retries} retried; ` +
    `${result.tokens} tokens.${stopped}`
  );
}
