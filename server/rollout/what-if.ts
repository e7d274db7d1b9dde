import "server-only";
import type { ParsedWhatIfRequest, WhatIf, WhatIfResult } from "@/lib/contracts/what-if";
import { buildEmbeddingText, checkAiEligibility } from "@/engine/embedding-text";
import { parseEvent } from "@/engine/event/schema";
import { fingerprintEvent } from "@/engine/fingerprinting";
import { proportion } from "@/engine/metrics/proportion";
import { replayGrouping, type ReplayEvent, type ReplayMerge } from "@/engine/replay/grouping-replay";
import { recordAudit } from "../audit/record";
import type { SessionUser } from "../auth/session";
import { db, inTransaction } from "../db";
import type { Job } from "../db/generated/client";
import { groupingModels } from "../grouping/default-models";
import type { GroupingModels } from "../grouping/models";
import { modelThreshold, projectThreshold } from "../grouping/thresholds";
import { ConflictError, NotFoundError, ValidationError } from "../http/errors";
import { projectGroupingSettings } from "../ingest/project-settings";
import { EXPERT_LABELS, pairVerdictsSql } from "../labeling/label-source";
import { logger } from "../logger";
import { insertPair } from "../review/pair-store";
import { endLeasedJob, heldBy, type JobLease } from "./job-lease";
import { insertUnlessActive, toJobView } from "./jobs";

/**
 * What-if replays: before a flag flips, a project's recent events are grouped again through a chosen model and
 * threshold (engine/replay), in memory — the live index, issues and decisions are never written. The result says how
 * many issues the replay would make against today's, its merge rate, the overgrouping the experts' labels imply for its
 * merges, and the merges no one labeled, which an admin queues for review in one click. Runs as a job (kind
 * "what_if", one per project at a time) with progress; the result is kept on the job.
 */
export const WHAT_IF_KIND = "what_if";
/** Unlabeled merges kept with a result (the loosest first); all of them are counted. */
const LISTED_MERGES = 100;
const EMBED_CHUNK = 64;

interface WhatIfParams {
  model: string;
  threshold: number | null;
  days: number;
  maxEvents: number;
}

interface WhatIfCursor {
  result?: WhatIfResult;
  /** Every unlabeled merge (not only the listed ones), for queueing them. */
  unlabeled?: [number, number][];
}

function paramsOf(job: Job): WhatIfParams {
  const params = (job.params ?? {}) as Partial<WhatIfParams>;
  return {
    model: params.model ?? "",
    threshold: params.threshold ?? null,
    days: params.days ?? 14,
    maxEvents: params.maxEvents ?? 2_000,
  };
}

function toWhatIf(job: Job): WhatIf {
  return { job: toJobView(job), ...paramsOf(job), result: (job.cursor as WhatIfCursor | null)?.result ?? null };
}

/** The project's latest replays, newest first. */
export async function listWhatIfs(projectId: number): Promise<{ replays: WhatIf[] }> {
  const prisma = await db();
  const jobs = await prisma.job.findMany({
    where: { projectId, kind: WHAT_IF_KIND },
    orderBy: { id: "desc" },
    take: 5,
  });
  return { replays: jobs.map(toWhatIf) };
}

/** Queues a replay (admins; audited); 409 while one of the project is queued or running. */
export async function createWhatIf(
  actor: SessionUser,
  projectId: number,
  request: ParsedWhatIfRequest,
  models: GroupingModels = groupingModels(),
): Promise<WhatIf> {
  if (!models.get(request.model)) {
    throw new ValidationError(`There is no model "${request.model}"; the models are ${modelVersions(models)}.`);
  }
  const params: WhatIfParams = {
    model: request.model,
    threshold: request.threshold ?? null,
    days: request.days,
    maxEvents: request.maxEvents,
  };
  return inTransaction(async (tx) => {
    const project = await tx.project.findUnique({ where: { id: projectId }, select: { name: true } });
    if (!project) throw new NotFoundError(`There is no project with id ${projectId}.`);
    const job = await insertUnlessActive(tx, { kind: WHAT_IF_KIND, projectId, params, createdBy: actor.email });
    if (!job) throw new ConflictError(`A what-if replay of ${project.name} is already queued or running.`);
    await recordAudit(tx, {
      actor,
      action: "what_if.create",
      target: { type: "project", id: projectId, label: project.name },
      after: { jobId: job.id, ...params },
    });
    return toWhatIf(job);
  });
}

function modelVersions(models: GroupingModels): string {
  return [models.stable(), models.next()]
    .filter((model) => model !== undefined)
    .map((model) => model.version)
    .join(", ");
}

interface WindowEvent {
  id: number;
  hashes: string[];
  platform: string;
  title: string;
  groupId: number;
  groupingMethod: string;
  embeddingText: string | null;
  aiIneligibleReason: string | null;
  receivedAt: Date;
}

/** The window's events, oldest first, and how many older ones of the window were left out past maxEvents. */
async function windowEvents(projectId: number, params: WhatIfParams, now: Date) {
  const prisma = await db();
  const since = new Date(now.getTime() - params.days * 86_400_000);
  const where = { projectId, receivedAt: { gte: since } };
  const [total, rows] = await Promise.all([
    prisma.event.count({ where }),
    prisma.event.findMany({
      where,
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      take: params.maxEvents,
      select: {
        id: true,
        hashes: true,
        platform: true,
        title: true,
        groupId: true,
        groupingMethod: true,
        embeddingText: true,
        aiIneligibleReason: true,
        receivedAt: true,
      },
    }),
  ]);
  return { events: rows.reverse() as WindowEvent[], leftOut: total - rows.length };
}

/**
 * The embedding text of each event that reaches the replay's AI step: an event none of whose hashes an earlier event
 * of the window carried (which events those are does not depend on the model). The text the pipeline stored, else
 * computed again from the payload with the project's fingerprinting settings; null when the event is not eligible.
 */
async function aiStepTexts(projectId: number, events: readonly WindowEvent[]): Promise<Map<number, string | null>> {
  const seen = new Set<string>();
  const reaching: WindowEvent[] = [];
  for (const event of events) {
    if (event.hashes.length > 0 && !event.hashes.some((hash) => seen.has(hash))) reaching.push(event);
    for (const hash of event.hashes) seen.add(hash);
  }
  const texts = new Map<number, string | null>();
  const missing: number[] = [];
  for (const event of reaching) {
    if (event.aiIneligibleReason !== null) texts.set(event.id, null);
    else if (event.embeddingText) texts.set(event.id, event.embeddingText);
    else missing.push(event.id);
  }
  if (missing.length) {
    const prisma = await db();
    const settings = await projectGroupingSettings(projectId);
    const rows = await prisma.event.findMany({ where: { id: { in: missing } }, select: { id: true, payload: true } });
    for (const row of rows) {
      const parsed = parseEvent(row.payload);
      if (!parsed.ok) {
        texts.set(row.id, null);
        continue;
      }
      const fingerprint = fingerprintEvent(parsed.event, settings.fingerprint);
      const eligible = checkAiEligibility(parsed.event, fingerprint).eligible;
      texts.set(row.id, eligible ? buildEmbeddingText(parsed.event, fingerprint) : null);
    }
  }
  return texts;
}

/** The experts' verdict on pairs of the project, keyed by the two events' primary hashes (sorted). */
async function labeledHashPairs(projectId: number): Promise<Map<string, "GROUP" | "SEPARATE">> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<{ a: string; b: string; verdict: "GROUP" | "SEPARATE" }[]>`
    SELECT ea.hashes[1] AS a, eb.hashes[1] AS b, v.verdict
      FROM review_pairs rp
      JOIN (${pairVerdictsSql(EXPERT_LABELS)}) v ON v.pair_id = rp.id
      JOIN events ea ON ea.id = rp.event_a_id
      JOIN events eb ON eb.id = rp.event_b_id
     WHERE rp.project_id = ${projectId}`;
  return new Map(rows.map((row) => [hashPairKey(row.a, row.b), row.verdict]));
}

const hashPairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** Runs a claimed replay to its end; progress is the events embedded. A cancelled job stops at its next chunk. */
export async function runWhatIfJob(
  lease: JobLease,
  options: { models?: GroupingModels; signal?: AbortSignal; now?: Date } = {},
) {
  const prisma = await db();
  const models = options.models ?? groupingModels();
  const job = await prisma.job.findUniqueOrThrow({ where: { id: lease.jobId } });
  const params = paramsOf(job);
  const end = (data: { status: "done" | "failed"; error?: string; cursor?: WhatIfCursor }) =>
    endLeasedJob(lease, { ...data, cursor: data.cursor ? { ...data.cursor } : undefined });
  const model = models.get(params.model);
  if (!job.projectId) return end({ status: "failed", error: "the replay names no project" });
  if (!model) return end({ status: "failed", error: `model ${params.model} is not available` });
  const projectId = job.projectId;
  try {
    const { events, leftOut } = await windowEvents(projectId, params, options.now ?? new Date());
    const texts = await aiStepTexts(projectId, events);
    const toEmbed = [...texts.entries()].filter((entry): entry is [number, string] => entry[1] !== null);
    const vectors = new Map<number, number[]>();
    const progress = (done: number) =>
      prisma.job.updateMany({
        where: heldBy(lease),
        data: { progressDone: done, progressTotal: toEmbed.length, heartbeatAt: new Date() },
      });
    if ((await progress(0)).count === 0) return "cancelled";
    for (let start = 0; start < toEmbed.length; start += EMBED_CHUNK) {
      if (options.signal?.aborted) return "aborted";
      const chunk = toEmbed.slice(start, start + EMBED_CHUNK);
      const embedded = await models.embed(
        model.version,
        chunk.map(([, text]) => text),
      );
      chunk.forEach(([id], i) => vectors.set(id, embedded[i]!));
      if ((await progress(start + chunk.length)).count === 0) return "cancelled";
    }
    const override = params.threshold === null ? (await projectGroupingSettings(projectId)).aiThreshold : null;
    const thresholdOf = (platform: string | null) =>
      params.threshold ?? projectThreshold(override, model) ?? modelThreshold(model, platform);
    const replayed = replayGrouping(
      events.map((event): ReplayEvent => ({
        id: event.id,
        hashes: event.hashes,
        platform: event.platform,
        vector: vectors.get(event.id) ?? null,
      })),
      thresholdOf,
    );
    const cursor = await summarize(projectId, events, leftOut, replayed);
    return await end({ status: "done", cursor });
  } catch (error) {
    if (options.signal?.aborted) return "aborted";
    logger.error("what-if replay failed", { jobId: lease.jobId, projectId, error });
    return end({ status: "failed", error: (error as Error).message });
  }
}

async function summarize(
  projectId: number,
  events: readonly WindowEvent[],
  leftOut: number,
  replayed: ReturnType<typeof replayGrouping>,
): Promise<WhatIfCursor> {
  const labels = await labeledHashPairs(projectId);
  const titles = new Map(events.map((event) => [event.id, event.title]));
  let labeled = 0;
  let incorrect = 0;
  const unlabeled: ReplayMerge[] = [];
  for (const merge of replayed.merges) {
    const verdict = labels.get(hashPairKey(merge.hash, merge.matchedHash));
    if (verdict === undefined) unlabeled.push(merge);
    else {
      labeled += 1;
      if (verdict === "SEPARATE") incorrect += 1;
    }
  }
  unlabeled.sort((a, b) => b.distance - a.distance);
  const result: WhatIfResult = {
    from: events[0]?.receivedAt.toISOString() ?? null,
    to: events.at(-1)?.receivedAt.toISOString() ?? null,
    events: events.length,
    leftOut,
    today: {
      issues: new Set(events.map((event) => event.groupId)).size,
      aiMerges: events.filter((event) => event.groupingMethod === "ai").length,
    },
    replay: {
      issues: replayed.issues,
      reachedAi: replayed.reachedAi,
      merges: replayed.merges.length,
      mergeRate: proportion(replayed.merges.length, replayed.reachedAi),
    },
    overgrouping: { labeled, incorrect, rate: proportion(incorrect, labeled) },
    unlabeled: unlabeled.length,
    unlabeledMerges: unlabeled.slice(0, LISTED_MERGES).map((merge) => ({
      eventId: merge.eventId,
      matchedEventId: merge.matchedEventId,
      distance: merge.distance,
      title: titles.get(merge.eventId) ?? "",
      matchedTitle: titles.get(merge.matchedEventId) ?? "",
    })),
    queued: 0,
  };
  return { result, unlabeled: unlabeled.map((merge) => [merge.eventId, merge.matchedEventId]) };
}

/** Queues a finished replay's unlabeled merges as review pairs (admins; audited); a pair that exists is left as it is. */
export async function queueWhatIfMerges(
  actor: SessionUser,
  jobId: number,
): Promise<{ created: number; existing: number }> {
  return inTransaction(async (tx) => {
    const job = await tx.job.findUnique({ where: { id: jobId } });
    if (!job || job.kind !== WHAT_IF_KIND) throw new NotFoundError(`There is no what-if replay #${jobId}.`);
    const cursor = (job.cursor ?? {}) as WhatIfCursor;
    if (job.status !== "done" || !cursor.result) {
      throw new ConflictError(
        `What-if replay #${jobId} is ${job.status}; only a finished replay's merges can be queued.`,
      );
    }
    const { model } = paramsOf(job);
    let created = 0;
    for (const [eventId, matchedEventId] of cursor.unlabeled ?? []) {
      const pair = await insertPair(tx, {
        eventIds: [eventId, matchedEventId],
        source: "manual",
        model,
        createdBy: `what-if #${jobId}`,
      });
      if (pair.created) created += 1;
    }
    const existing = (cursor.unlabeled ?? []).length - created;
    await tx.job.update({
      where: { id: jobId },
      // Every unlabeled merge now has its pair in the review queue, new or already there.
      data: { cursor: { ...cursor, result: { ...cursor.result, queued: created + existing } } },
    });
    await recordAudit(tx, {
      actor,
      action: "what_if.queue",
      target: { type: "job", id: jobId, label: `what-if #${jobId} (project ${job.projectId})` },
      after: { created, existing },
    });
    return { created, existing };
  });
}
