import "server-only";
import { db, inTransaction } from "../db";
import { ValidationError } from "../http/errors";
import {
  withCallDefaults,
  type BulkRecordsCall,
  type GroupsWithNeighbour,
  type SimilarIssue,
  type SimilarIssuesAnswer,
  type SimilarIssuesCall,
  type SimilarIssuesCallInput,
} from "./call";
import { searchCoalesced, writeCoalesced } from "./coalescing";
import { recordDecision, type DecisionInput } from "./decisions";
import { servedModels, type GroupingModel, type GroupingModels } from "./models";
import { groupingModels } from "./default-models";
import { projectIdOf, registeredProjectId } from "./project-ids";
import { groupingThreshold, projectThreshold, type ThresholdOverride } from "./thresholds";
import {
  deleteProjectRecords,
  deleteRecordsByHash,
  insertRecord,
  searchNeighbours,
  searchWithReranking,
  upsertEmbeddings,
  type NewRecord,
  type Neighbour,
} from "./records";

/** The read-only "similar issues" view looks this far, whatever the grouping threshold. */
export const READ_ONLY_RADIUS = 0.1;

/** The model a call names, or a 400 naming the available ones. */
export function modelOf(models: GroupingModels, version: string): GroupingModel {
  const model = models.get(version);
  if (!model || model.status === "retired") {
    const available = servedModels(models)
      .map((served) => served.version)
      .join(", ");
    throw new ValidationError(
      model
        ? `Model "${version}" is retired; available: ${available}.`
        : `Unknown model "${version}"; available: ${available}.`,
    );
  }
  return model;
}

async function embedOne(models: GroupingModels, model: GroupingModel, text: string): Promise<number[]> {
  const [vector] = await models.embed(model.version, [text]);
  if (!vector) throw new Error(`model ${model.version} returned no embedding`);
  return vector;
}

interface Lookup {
  model: GroupingModel;
  vector: number[];
  threshold: number;
  neighbours: Neighbour[];
}

async function lookup(
  call: SimilarIssuesCall,
  model: GroupingModel,
  vector: number[],
  threshold: number,
  unseenBy?: GroupingModel,
): Promise<Lookup> {
  // A read-only caller (the "similar issues" view, a shadow decision) still learns whether the model would group,
  // so it searches at least as far as the threshold (Seer's thresholds are below 0.1, where this changes nothing).
  const radius = call.readOnly ? Math.max(READ_ONLY_RADIUS, threshold) : threshold;
  const base = {
    projectId: call.projectId,
    model,
    vector,
    excludeHash: call.hash,
    radius,
    limit: call.k,
    unseenBy,
  };
  // k = 0 is Seer's "find nothing, then store" (Sentry's ingest_follow_up): there is nothing to search for.
  if (call.k === 0) return { model, vector, threshold, neighbours: [] };
  const neighbours = await searchCoalesced(
    call.reranking
      ? {
          ...base,
          rerank: {
            candidates: Math.max(call.k, call.reranking.candidates),
            candidateRadius: Math.max(radius, call.reranking.candidateRadius),
          },
        }
      : base,
  );
  return { model, vector, threshold, neighbours };
}

export interface ShadowAnswer {
  model: string;
  best: SimilarIssue | undefined;
}

export interface GroupingCallOptions {
  /** Record the call in grouping_decisions (default true; a shadow lookup is recorded with its live call). */
  record?: boolean;
  /** The other model's read-only answer on the same event, stored beside this decision. */
  shadow?: ShadowAnswer;
  /**
   * Leave the decision row to the caller (returned as `decision`): ingest writes it in the event's transaction, so
   * that an event that is not stored leaves no decision for the dashboards to count.
   */
  deferDecision?: boolean;
  /**
   * A project's own threshold for one model (its grouping settings), which replaces whatever the request or the
   * model's calibration says whenever that model answers; the other model keeps its own.
   */
  thresholdOverride?: ThresholdOverride | null;
}

export interface GroupingCallResult extends SimilarIssuesAnswer {
  decisionId: number | null;
  /** The decision to record, when the caller deferred it (`deferDecision`); null otherwise. */
  decision: DecisionInput | null;
  threshold: number;
  fallback: boolean;
}

/**
 * Seer's similar-issues call as a caller (Sentry) makes it: the caller's project id is mapped to regroup's, then
 * groupingCall embeds the stack trace, looks for the nearest records of the project, falls back from the next
 * model to the stable one when the next finds nothing (the stable one then looks only at records the next has no
 * vector of: issues indexed before the project moved and not backfilled yet), stores the embedding when nothing is within the threshold
 * (never in read-only mode), and records the decision.
 */
export async function findSimilarIssues(
  call: SimilarIssuesCall,
  models: GroupingModels = groupingModels(),
): Promise<SimilarIssuesAnswer> {
  const projectId = await registeredProjectId(call.projectId);
  const { similarIssues, modelUsed } = await groupingCall({ ...call, projectId }, models);
  return { similarIssues, modelUsed };
}

/**
 * findSimilarIssues with what the ingest pipeline needs besides the answer. The project must exist: it is regroup's
 * id, and nothing here creates a project (a backfill still running as its project is deleted must not bring it back).
 */
export async function groupingCall(
  input: SimilarIssuesCallInput,
  models: GroupingModels = groupingModels(),
  options: GroupingCallOptions = {},
): Promise<GroupingCallResult> {
  const call = withCallDefaults(input);
  const record = options.record ?? true;
  const started = performance.now();
  const thresholdOf = (model: GroupingModel) =>
    projectThreshold(options.thresholdOverride, model) ?? groupingThreshold(call.threshold, model, call.platform);
  const requested = modelOf(models, call.model);
  const prisma = await db();

  if (call.trainingMode) {
    const vector = await embedOne(models, requested, call.stacktrace);
    const threshold = thresholdOf(requested);
    let decision: DecisionInput | null = null;
    const decisionId = await prisma.$transaction(async (tx) => {
      await upsertEmbeddings(tx, {
        projectId: call.projectId,
        hash: call.hash,
        exceptionType: call.exceptionType,
        vectors: [{ model: requested, vector }],
      });
      if (!record) return null;
      decision = {
        call,
        modelUsed: requested,
        fallback: false,
        threshold,
        best: undefined,
        inserted: true,
        latencyMs: performance.now() - started,
      };
      return options.deferDecision ? null : recordDecision(tx, decision);
    });
    return {
      similarIssues: [],
      modelUsed: requested.version,
      decisionId,
      decision: options.deferDecision ? decision : null,
      threshold,
      fallback: false,
    };
  }

  let answer = await lookup(
    call,
    requested,
    await embedOne(models, requested, call.stacktrace),
    thresholdOf(requested),
  );
  const computed = [answer];
  const stable = models.stable();
  const fallback =
    answer.neighbours.length === 0 &&
    requested.status === "next" &&
    !call.skipFallback &&
    stable.version !== requested.version;
  if (fallback) {
    const stableThreshold = thresholdOf(stable);
    // The stable model answers only for issues the requested one has no vector of (indexed before the project
    // moved, not backfilled yet): where the requested model looked and found nothing near, its "no" stands.
    const stableVector = await embedOne(models, stable, call.stacktrace);
    answer = await lookup(call, stable, stableVector, stableThreshold, requested);
    computed.push(answer);
  }

  const similarIssues: SimilarIssue[] = answer.neighbours.map((neighbour) => ({
    parentHash: neighbour.hash,
    distance: neighbour.distance,
    shouldGroup: neighbour.distance <= answer.threshold,
  }));
  const shouldInsert = !call.readOnly && !similarIssues.some((issue) => issue.shouldGroup);

  const decisionOf = (): Omit<DecisionInput, "inserted"> => ({
    call,
    modelUsed: answer.model,
    fallback,
    threshold: answer.threshold,
    best: similarIssues[0],
    latencyMs: performance.now() - started,
    shadow: options.shadow,
  });
  const newRecord: NewRecord | null = shouldInsert
    ? {
        projectId: call.projectId,
        hash: call.hash,
        exceptionType: call.exceptionType,
        vectors: computed.map(({ model, vector }) => ({ model, vector })),
      }
    : null;
  // The decision is written here unless the caller writes it with its own effects (deferDecision) or not at all.
  const recordHere = record && !options.deferDecision;
  const written =
    newRecord || recordHere
      ? await writeCoalesced({ record: newRecord, decision: recordHere ? decisionOf() : null })
      : { inserted: false, decisionId: null };
  const decision = record && options.deferDecision ? { ...decisionOf(), inserted: written.inserted } : null;
  return {
    similarIssues,
    modelUsed: answer.model.version,
    decisionId: written.decisionId,
    decision,
    threshold: answer.threshold,
    fallback,
  };
}

/**
 * Backfill: embeds each stack trace and stores it unless a record of the same project is already within the
 * threshold, in which case that neighbour is reported for the item's group instead. Items go in order, so a later
 * item can find an earlier one. Project ids are the caller's, mapped to regroup's.
 */
export async function bulkCreateRecords(
  call: BulkRecordsCall,
  models: GroupingModels = groupingModels(),
): Promise<GroupsWithNeighbour> {
  const model = modelOf(models, call.model);
  const threshold = groupingThreshold(call.threshold, model);
  const vectors = await models.embed(
    model.version,
    call.records.map((item) => item.stacktrace),
  );
  const prisma = await db();
  const groupsWithNeighbour: GroupsWithNeighbour = new Map();

  const projectIds = new Map<number, number>();
  for (const callerId of new Set(call.records.map((item) => item.projectId))) {
    projectIds.set(callerId, await registeredProjectId(callerId));
  }
  for (const [index, item] of call.records.entries()) {
    const vector = vectors[index]!;
    const projectId = projectIds.get(item.projectId)!;
    await prisma.$transaction(async (tx) => {
      const search = { projectId, model, vector, excludeHash: item.hash, radius: threshold, limit: call.k };
      const [nearest] = call.reranking
        ? await searchWithReranking(tx, {
            ...search,
            candidates: Math.max(call.k, call.reranking.candidates),
            candidateRadius: Math.max(threshold, call.reranking.candidateRadius),
          })
        : await searchNeighbours(tx, search);
      if (nearest) {
        groupsWithNeighbour.set(item.groupId, {
          parentHash: nearest.hash,
          distance: nearest.distance,
          shouldGroup: true,
        });
        return;
      }
      await insertRecord(tx, {
        projectId,
        hash: item.hash,
        groupId: item.groupId,
        exceptionType: item.exceptionType,
        vectors: [{ model, vector }],
      });
    });
  }
  return groupsWithNeighbour;
}

/** Deletes every record of a (caller's) project; a project never seen has none. */
export async function deleteProjectGrouping(callerProjectId: number): Promise<number> {
  const projectId = await projectIdOf(callerProjectId, { register: false });
  if (projectId === null) return 0;
  return inTransaction((tx) => deleteProjectRecords(tx, projectId));
}

/** Deletes a (caller's) project's records of the given hashes. */
export async function deleteGroupingByHash(callerProjectId: number, hashes: string[]): Promise<number> {
  const projectId = await projectIdOf(callerProjectId, { register: false });
  if (projectId === null || hashes.length === 0) return 0;
  return inTransaction((tx) => deleteRecordsByHash(tx, projectId, hashes));
}
