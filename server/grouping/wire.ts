import "server-only";
import type {
  BulkCreateRequest,
  BulkCreateResponse,
  SimilarIssuesRequest,
  SimilarIssuesResponse,
} from "@/lib/contracts/grouping";
import type {
  BulkRecordsCall,
  GroupsWithNeighbour,
  Reranking,
  SimilarIssue,
  SimilarIssuesAnswer,
  SimilarIssuesCall,
} from "./call";

/**
 * Seer's wire format (snake_case, lib/contracts/grouping.ts, defaults filled by its zod schemas) to the service's
 * calls (call.ts) and back: the one place the HTTP handlers translate, so nothing behind them speaks the wire.
 */

type RerankingFields = Pick<SimilarIssuesRequest, "use_reranking" | "hnsw_candidates" | "hnsw_distance">;

/** Seer sends hnsw_candidates and hnsw_distance with every call; they mean something only with use_reranking. */
function rerankingOf(request: RerankingFields): Reranking | null {
  return request.use_reranking ? { candidates: request.hnsw_candidates, candidateRadius: request.hnsw_distance } : null;
}

export function similarIssuesCallOf(request: SimilarIssuesRequest): SimilarIssuesCall {
  return {
    projectId: request.project_id,
    stacktrace: request.stacktrace,
    hash: request.hash,
    exceptionType: request.exception_type ?? null,
    platform: request.platform ?? null,
    model: request.model,
    k: request.k,
    threshold: request.threshold,
    readOnly: request.read_only,
    trainingMode: request.training_mode,
    skipFallback: request.skip_fallback,
    reranking: rerankingOf(request),
  };
}

function wireSimilarIssue(issue: SimilarIssue): SimilarIssuesResponse["responses"][number] {
  return { parent_hash: issue.parentHash, stacktrace_distance: issue.distance, should_group: issue.shouldGroup };
}

export function similarIssuesResponseOf(answer: SimilarIssuesAnswer): SimilarIssuesResponse {
  return { responses: answer.similarIssues.map(wireSimilarIssue), model_used: answer.modelUsed };
}

/** The bulk call of Seer's two parallel lists, item by item; null when their lengths differ. */
export function bulkRecordsCallOf(request: BulkCreateRequest): BulkRecordsCall | null {
  if (request.data.length !== request.stacktrace_list.length) return null;
  return {
    records: request.data.map((item, index) => ({
      projectId: item.project_id,
      hash: item.hash,
      groupId: item.group_id,
      exceptionType: item.exception_type ?? null,
      stacktrace: request.stacktrace_list[index]!,
    })),
    model: request.model,
    threshold: request.threshold,
    k: request.k,
    reranking: rerankingOf(request),
  };
}

export function bulkCreateResponseOf(groupsWithNeighbour: GroupsWithNeighbour): BulkCreateResponse {
  const entries = [...groupsWithNeighbour].map(([groupId, issue]) => [String(groupId), wireSimilarIssue(issue)]);
  return { success: true, groups_with_neighbor: Object.fromEntries(entries) };
}

/** As in Seer, lists of different lengths are answered `success: false`, not an error. */
export function mismatchedListsResponse(): BulkCreateResponse {
  return { success: false, groups_with_neighbor: {} };
}
