import "server-only";
import type {
  BulkCreateRequest,
  BulkCreateResponse,
  SimilarIssue,
  SimilarIssuesRequest,
  SimilarIssuesResponse,
} from "@/lib/contracts/grouping";
import { db } from "../db";
import { ValidationError } from "../http/errors";
import { searchCoalesced, writeCoalesced } from "./coalescing";
import { recordDecision, type DecisionInput } from "./decisions";
import type { GroupingModel, GroupingModels } from "./models";
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
const READ_ONLY_RADIUS = 0.1;

function modelOf(models: GroupingModels, version: string): GroupingModel {
  const model = models.get(version);
  if (!model || model.status === "retired") {
    const available = [models.stable().version, models.next()?.version].filter(Boolean).join(", ");
    throw new ValidationError(`Unknown model "${version}"; available: ${available}.`);
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
  request: SimilarIssuesRequest,
  model: GroupingModel,
  vector: number[],
  threshold: number,
  unseenBy?: GroupingModel,
): Promise<Lookup> {
  // A read-only caller (the "similar issues" view, a shadow decision) still learns whether the model would group,
  // so it searches at least as far as the threshold (Seer's thresholds are below 0.1, where this changes nothing).
  const radius = request.read_only ? Math.max(READ_ONLY_RADIUS, threshold) : threshold;
  const base = {
    projectId: request.project_id,
    model,
    vector,
    excludeHash: request.hash,
    radius,
    limit: request.k,
    unseenBy,
  };
  // k = 0 is Seer's "find nothing, then store" (Sentry's ingest_follow_up): there is nothing to search for.
  if (request.k === 0) return { model, vector, threshold, neighbours: [] };
  const neighbours = await searchCoalesced(
    request.use_reranking
      ? {
          ...base,
          rerank: {
            candidates: Math.max(request.k, request.hnsw_candidates),
            candidateRadius: Math.max(radius, request.hnsw_distance),
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

export interface GroupingCallResult extends SimilarIssuesResponse {
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
  request: SimilarIssuesRequest,
  models: GroupingModels = groupingModels(),
): Promise<SimilarIssuesResponse> {
  const projectId = await registeredProjectId(request.project_id);
  const { responses, model_used } = await groupingCall({ ...request, project_id: projectId }, models);
  return { responses, model_used };
}

/**
 * findSimilarIssues with what the ingest pipeline needs besides the answer. The project must exist: it is regroup's
 * id, and nothing here creates a project (a backfill still running as its project is deleted must not bring it back).
 */
export async function groupingCall(
  request: SimilarIssuesRequest,
  models: GroupingModels = groupingModels(),
  options: GroupingCallOptions = {},
): Promise<GroupingCallResult> {
  const record = options.record ?? true;
  const started = performance.now();
  const thresholdOf = (model: GroupingModel) =>
    projectThreshold(options.thresholdOverride, model) ?? groupingThreshold(request.threshold, model, request.platform);
  const requested = modelOf(models, request.model);
  const prisma = await db();

  if (request.training_mode) {
    const vector = await embedOne(models, requested, request.stacktrace);
    const threshold = thresholdOf(requested);
    let decision: DecisionInput | null = null;
    const decisionId = await prisma.$transaction(async (tx) => {
      await upsertEmbeddings(tx, {
        projectId: request.project_id,
        hash: request.hash,
        exceptionType: request.exception_type,
        vectors: [{ model: requested, vector }],
      });
      if (!record) return null;
      decision = {
        request,
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
      responses: [],
      model_used: requested.version,
      decisionId,
      decision: options.deferDecision ? decision : null,
      threshold,
      fallback: false,
    };
  }

  let answer = await lookup(
    request,
    requested,
    await embedOne(models, requested, request.stacktrace),
    thresholdOf(requested),
  );
  const computed = [answer];
  const stable = models.stable();
  const fallback =
    answer.neighbours.length === 0 &&
    requested.status === "next" &&
    !request.skip_fallback &&
    stable.version !== requested.version;
  if (fallback) {
    const stableThreshold = thresholdOf(stable);
    // The stable model answers only for issues the requested one has no vector of (indexed before the project
    // moved, not backfilled yet): where the requested model looked and found nothing near, its "no" stands.
    const stableVector = await embedOne(models, stable, request.stacktrace);
    answer = await lookup(request, stable, stableVector, stableThreshold, requested);
    computed.push(answer);
  }

  const responses: SimilarIssue[] = answer.neighbours.map((neighbour) => ({
    parent_hash: neighbour.hash,
    stacktrace_distance: neighbour.distance,
    should_group: neighbour.distance <= answer.threshold,
  }));
  const shouldInsert = !request.read_only && !responses.some((response) => response.should_group);

  const decisionOf = (inserted: boolean): DecisionInput => ({
    request,
    modelUsed: answer.model,
    fallback,
    threshold: answer.threshold,
    best: responses[0],
    inserted,
    latencyMs: performance.now() - started,
    shadow: options.shadow,
  });
  const newRecord: NewRecord | null = shouldInsert
    ? {
        projectId: request.project_id,
        hash: request.hash,
        exceptionType: request.exception_type,
        vectors: computed.map(({ model, vector }) => ({ model, vector })),
      }
    : null;
  // The decision is written here unless the caller writes it with its own effects (deferDecision) or not at all.
  const recordHere = record && !options.deferDecision;
  const written =
    newRecord || recordHere
      ? await writeCoalesced({ record: newRecord, decision: recordHere ? decisionOf : null })
      : { inserted: false, decisionId: null };
  const decision = record && options.deferDecision ? decisionOf(written.inserted) : null;
  return {
    responses,
    model_used: answer.model.version,
    decisionId: written.decisionId,
    decision,
    threshold: answer.threshold,
    fallback,
  };
}

/**
 * Backfill: embeds each stack trace and stores it unless a record of the same project is already within the
 * threshold, in which case that neighbour is reported for the group instead. Items go in order, so a later item
 * can find an earlier one. As in Seer, lists of different lengths are answered `success: false`, not an error.
 */
export async function bulkCreateRecords(
  request: BulkCreateRequest,
  models: GroupingModels = groupingModels(),
): Promise<BulkCreateResponse> {
  if (request.data.length !== request.stacktrace_list.length) return { success: false, groups_with_neighbor: {} };
  const model = modelOf(models, request.model);
  const threshold = groupingThreshold(request.threshold, model);
  const vectors = await models.embed(model.version, request.stacktrace_list);
  const prisma = await db();
  const groupsWithNeighbour: BulkCreateResponse["groups_with_neighbor"] = {};

  const projectIds = new Map<number, number>();
  for (const callerId of new Set(request.data.map((item) => item.project_id))) {
    projectIds.set(callerId, await registeredProjectId(callerId));
  }
  for (const [index, item] of request.data.entries()) {
    const vector = vectors[index]!;
    const projectId = projectIds.get(item.project_id)!;
    await prisma.$transaction(async (tx) => {
      const search = { projectId, model, vector, excludeHash: item.hash, radius: threshold, limit: request.k };
      const [nearest] = request.use_reranking
        ? await searchWithReranking(tx, {
            ...search,
            candidates: Math.max(request.k, request.hnsw_candidates),
            candidateRadius: Math.max(threshold, request.hnsw_distance),
          })
        : await searchNeighbours(tx, search);
      if (nearest) {
        groupsWithNeighbour[String(item.group_id)] = {
          parent_hash: nearest.hash,
          stacktrace_distance: nearest.distance,
          should_group: true,
        };
        return;
      }
      await insertRecord(tx, {
        projectId,
        hash: item.hash,
        groupId: item.group_id,
        exceptionType: item.exception_type,
        vectors: [{ model, vector }],
      });
    });
  }
  return { success: true, groups_with_neighbor: groupsWithNeighbour };
}

/** Deletes every record of a (caller's) project; a project never seen has none. */
export async function deleteProjectGrouping(callerProjectId: number): Promise<number> {
  const projectId = await projectIdOf(callerProjectId, { register: false });
  if (projectId === null) return 0;
  const prisma = await db();
  return prisma.$transaction((tx) => deleteProjectRecords(tx, projectId));
}

/** Deletes a (caller's) project's records of the given hashes. */
export async function deleteGroupingByHash(callerProjectId: number, hashes: string[]): Promise<number> {
  const projectId = await projectIdOf(callerProjectId, { register: false });
  if (projectId === null || hashes.length === 0) return 0;
  const prisma = await db();
  return prisma.$transaction((tx) => deleteRecordsByHash(tx, projectId, hashes));
}
