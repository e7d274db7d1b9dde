import "server-only";
import { unitCosineDistance, unitVector } from "@/engine/math/cosine";
import { db, inTransaction } from "../db";
import { withCallDefaults, type SimilarIssue, type SimilarIssuesCall, type SimilarIssuesCallInput } from "./call";
import type { DecisionInput } from "./decisions";
import type { GroupingModel, GroupingModels } from "./models";
import type { Neighbour } from "./records";
import { insertRecordsBatch, searchNeighboursBatch, upsertEmbeddingsBatch, type BatchSearch } from "./records-batch";
import { modelOf, READ_ONLY_RADIUS, type GroupingCallResult } from "./service";
import { groupingThreshold, projectThreshold, type ThresholdOverride } from "./thresholds";

/**
 * Searches, or new records, per statement. A statement holds the embedded database's one session, and each search or
 * record costs about a millisecond or more in the HNSW indexes (a 768-dimension graph of a large project): a whole
 * run's searches in one statement held the SDKs' inbox inserts for over 100 ms, its records in one for a third of a
 * second. With 16 a statement of records took ~30 ms (2,000 records in the graph), and new-trace accepts waited
 * behind it. At 16 clients (`npm run bench -- ingest --kinds new --clients 16`, alternating runs),
 * with 16 / 8 / 4 per statement: SDK p99 60–82 / 45–62 ms (one run 101) / 42–68 ms; accepted 508–630 / 609–1,004 /
 * 807–1,330 per second; processed 248–265 / 215–254 / 188–237; the worker alone (`--drain`) 229–272 / 250–293 /
 * 220–254 per second.
 */
const PER_STATEMENT = 8;

/** `work` over consecutive slices of at most PER_STATEMENT items, one after the other; the results in order. */
async function inChunks<Item, Result>(items: Item[], work: (chunk: Item[]) => Promise<Result[]>): Promise<Result[]> {
  const results: Result[] = [];
  for (let start = 0; start < items.length; start += PER_STATEMENT)
    results.push(...(await work(items.slice(start, start + PER_STATEMENT))));
  return results;
}

/**
 * Many similar-issues calls answered as if they had run one after the other in the order given (each one finds the
 * records the calls before it stored), with a handful of statements instead of a few per call: one embedding call
 * per model, one kNN statement for every call's model, one for the fallbacks, and multi-row inserts of the new
 * records. What the calls before it stored is searched in memory, exactly: a call's neighbours are the index's
 * within its radius plus the earlier calls' new records within it, nearest first, cut at k. The ingest worker uses
 * it for the events of a batch that reach the AI step (server/ingest/batch-new-hashes.ts).
 *
 * Each call keeps its own model, threshold, k, radius, fallback and read-only flag, as groupingCall applies them. A
 * training-mode call looks nothing up and stores (or replaces) its model's vector of the hash, which the calls after
 * it find. Decisions are returned, never recorded: the caller writes them with the events they are about.
 */
export interface OrderedCall {
  call: SimilarIssuesCallInput;
  /** A project's own threshold for one model, as GroupingCallOptions.thresholdOverride. */
  thresholdOverride?: ThresholdOverride | null;
}

interface Planned {
  call: SimilarIssuesCall;
  requested: GroupingModel;
  thresholdOf: (model: GroupingModel) => number;
  /** Whether the stable model answers when the requested one finds nothing. */
  mayFallBack: boolean;
}

/** A record this run stores, visible to the calls after the one that stored it. */
interface PendingRecord {
  projectId: number;
  hash: string;
  vectors: Map<string, number[]>;
}

interface Lookup {
  model: GroupingModel;
  vector: number[];
  threshold: number;
  neighbours: Neighbour[];
}

export async function groupingCallsInOrder(
  ordered: OrderedCall[],
  models: GroupingModels,
): Promise<GroupingCallResult[]> {
  const started = performance.now();
  const stable = models.stable();
  const plans: Planned[] = ordered.map(({ call: input, thresholdOverride }) => {
    const call = withCallDefaults(input);
    const requested = modelOf(models, call.model);
    return {
      call,
      requested,
      thresholdOf: (model) =>
        projectThreshold(thresholdOverride, model) ?? groupingThreshold(call.threshold, model, call.platform),
      mayFallBack:
        !call.trainingMode && requested.status === "next" && !call.skipFallback && stable.version !== requested.version,
    };
  });

  const vectors = await embedAll(models, plans);
  const vectorOf = (model: GroupingModel, index: number) => vectors.get(model.version)![index]!;
  const searchOf = (plan: Planned, index: number, model: GroupingModel, unseenBy?: GroupingModel): BatchSearch => {
    const threshold = plan.thresholdOf(model);
    const radius = plan.call.readOnly ? Math.max(READ_ONLY_RADIUS, threshold) : threshold;
    const rerank = plan.call.reranking;
    return {
      projectId: plan.call.projectId,
      model,
      vector: vectorOf(model, index),
      excludeHash: plan.call.hash,
      radius,
      // A training-mode call searches nothing (a limit of 0 leaves it out of the statement).
      limit: plan.call.trainingMode ? 0 : plan.call.k,
      unseenBy,
      rerank: rerank
        ? {
            candidates: Math.max(plan.call.k, rerank.candidates),
            candidateRadius: Math.max(radius, rerank.candidateRadius),
          }
        : undefined,
    };
  };

  // The index's answers, before any of these calls stores a record: the requested models' in one statement, then
  // the stable model's for the calls that may fall back (the earlier calls' records only ever add neighbours, so a
  // call the index answered does not fall back).
  const primarySearches = plans.map((plan, index) => searchOf(plan, index, plan.requested));
  const prisma = await db();
  const primary = await inChunks(primarySearches, (chunk) => searchNeighboursBatch(prisma, chunk));
  const fallbackIndexes = plans.flatMap((plan, index) => (plan.mayFallBack && !primary[index]!.length ? [index] : []));
  const fallbackSearches = fallbackIndexes.map((index) =>
    searchOf(plans[index]!, index, stable, plans[index]!.requested),
  );
  const fallbackFound = await inChunks(fallbackSearches, (chunk) => searchNeighboursBatch(prisma, chunk));
  // A call falls back only where the index had nothing for it (its index answer stays), so these are all its fallbacks.
  const fallbackOf = new Map(
    fallbackIndexes.map((index, i) => [index, { search: fallbackSearches[i]!, found: fallbackFound[i]! }]),
  );

  const pending: PendingRecord[] = [];
  const pendingOf = (projectId: number, hash: string) =>
    pending.find((record) => record.projectId === projectId && record.hash === hash);
  // Each call compares its vector with every record stored before it: the vectors are scaled to unit length once.
  const units = new Map<number[], Float64Array | null>();
  const unitOf = (vector: number[]) => {
    if (!units.has(vector)) units.set(vector, unitVector(vector));
    return units.get(vector)!;
  };
  /** The index's neighbours and those among the records stored before this call, within the radius, cut at k. */
  const nearest = (search: BatchSearch, fromIndex: Neighbour[]): Neighbour[] => {
    const stored: Neighbour[] = [];
    const unit = search.limit ? unitOf(search.vector) : null;
    for (const record of search.limit ? pending : []) {
      const vector = record.vectors.get(search.model.version);
      if (!vector || record.projectId !== search.projectId || record.hash === search.excludeHash) continue;
      if (search.unseenBy && record.vectors.has(search.unseenBy.version)) continue;
      const distance = unitCosineDistance(unit, unitOf(vector));
      if (distance <= search.radius) stored.push({ hash: record.hash, distance });
    }
    // An indexed record that a training call of this run gave the excluded model's vector is no longer unseen by it.
    const stillUnseen = fromIndex.filter(
      (neighbour) =>
        !search.unseenBy || !pendingOf(search.projectId, neighbour.hash)?.vectors.has(search.unseenBy.version),
    );
    const byHash = new Map<string, Neighbour>();
    for (const neighbour of [...stillUnseen, ...stored]) {
      const seen = byHash.get(neighbour.hash);
      if (!seen || neighbour.distance < seen.distance) byHash.set(neighbour.hash, neighbour);
    }
    return [...byHash.values()].sort((a, b) => a.distance - b.distance).slice(0, search.limit);
  };
  const lookup = (plan: Planned, search: BatchSearch, fromIndex: Neighbour[]): Lookup => ({
    model: search.model,
    vector: search.vector,
    threshold: plan.thresholdOf(search.model),
    neighbours: nearest(search, fromIndex),
  });

  const answers = plans.map((plan, index) => {
    if (plan.call.trainingMode) {
      const vector = vectorOf(plan.requested, index);
      const record = pendingOf(plan.call.projectId, plan.call.hash);
      if (record) record.vectors.set(plan.requested.version, vector);
      else {
        pending.push({
          projectId: plan.call.projectId,
          hash: plan.call.hash,
          vectors: new Map([[plan.requested.version, vector]]),
        });
      }
      const answer: Lookup = {
        model: plan.requested,
        vector,
        threshold: plan.thresholdOf(plan.requested),
        neighbours: [],
      };
      return { plan, answer, computed: [answer], fallback: false, similarIssues: [], stores: false };
    }
    const first = primarySearches[index]!;
    let answer = lookup(plan, first, primary[index]!);
    const computed = [answer];
    const fallback = plan.mayFallBack && answer.neighbours.length === 0;
    if (fallback) {
      const { search, found } = fallbackOf.get(index)!;
      answer = lookup(plan, search, found);
      computed.push(answer);
    }
    const similarIssues: SimilarIssue[] = answer.neighbours.map((neighbour) => ({
      parentHash: neighbour.hash,
      distance: neighbour.distance,
      shouldGroup: neighbour.distance <= answer.threshold,
    }));
    const stores = !plan.call.readOnly && !similarIssues.some((issue) => issue.shouldGroup);
    if (stores) {
      pending.push({
        projectId: plan.call.projectId,
        hash: plan.call.hash,
        vectors: new Map(computed.map(({ model, vector }) => [model.version, vector])),
      });
    }
    return { plan, answer, computed, fallback, similarIssues, stores };
  });

  const storing = answers.filter((answer) => answer.stores);
  const records = storing.map(({ plan, computed }) => ({
    projectId: plan.call.projectId,
    hash: plan.call.hash,
    exceptionType: plan.call.exceptionType,
    vectors: computed.map(({ model, vector }) => ({ model, vector })),
  }));
  // In chunks (PER_STATEMENT); a (project, hash) stored by an earlier chunk is not stored again (first one wins).
  const insertedList = await inChunks(records, (chunk) => insertRecordsBatch(prisma, chunk));
  const inserted = new Map(storing.map((answer, i) => [answer, insertedList[i]!]));
  const training = answers.filter((answer) => answer.plan.call.trainingMode);
  if (training.length) {
    await inTransaction((tx) =>
      upsertEmbeddingsBatch(
        tx,
        training.map(({ plan, answer }) => ({
          projectId: plan.call.projectId,
          hash: plan.call.hash,
          exceptionType: plan.call.exceptionType,
          vectors: [{ model: answer.model, vector: answer.vector }],
        })),
      ),
    );
    for (const answer of training) inserted.set(answer, true);
  }
  // The calls ran together: each one's latency is the run's.
  const latencyMs = performance.now() - started;

  return answers.map((item) => {
    const decision: DecisionInput = {
      call: item.plan.call,
      modelUsed: item.answer.model,
      fallback: item.fallback,
      threshold: item.answer.threshold,
      best: item.similarIssues[0],
      inserted: inserted.get(item) ?? false,
      latencyMs,
    };
    return {
      similarIssues: item.similarIssues,
      modelUsed: item.answer.model.version,
      decisionId: null,
      decision,
      threshold: item.answer.threshold,
      fallback: item.fallback,
    };
  });
}

/** Every call's text embedded by its requested model, and by the stable one where it may fall back: one call per model. */
async function embedAll(models: GroupingModels, plans: Planned[]): Promise<Map<string, number[][]>> {
  const stable = models.stable();
  const byModel = new Map<string, number[]>();
  plans.forEach((plan, index) => {
    for (const model of plan.mayFallBack ? [plan.requested, stable] : [plan.requested]) {
      byModel.set(model.version, [...(byModel.get(model.version) ?? []), index]);
    }
  });
  const vectors = new Map<string, number[][]>();
  for (const [version, indexes] of byModel) {
    const embedded = await models.embed(
      version,
      indexes.map((index) => plans[index]!.call.stacktrace),
    );
    const all: number[][] = [];
    indexes.forEach((index, i) => (all[index] = embedded[i]!));
    vectors.set(version, all);
  }
  return vectors;
}
