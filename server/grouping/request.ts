import "server-only";
import type { SimilarIssuesRequest } from "@/lib/contracts/grouping";

/** One of regroup's own grouping calls (ingest, its shadow, training-mode), in the service's terms. */
export interface GroupingRequestInput {
  projectId: number;
  /** The embedding text. */
  text: string;
  hash: string;
  exceptionType: string | null;
  /** Picks the model's per-platform threshold; left out of the request when unset. */
  platform?: string | null;
  model: string;
  /** Training mode: store the hash's vector for the model, look nothing up. */
  training?: boolean;
  readOnly?: boolean;
  skipFallback?: boolean;
}

/**
 * Seer's wire request for one of regroup's own calls: the nearest neighbour (k = 1) by the model's threshold, with
 * Seer's defaults for what regroup never varies (HNSW search, no reranking).
 */
export function groupingRequest(input: GroupingRequestInput): SimilarIssuesRequest {
  return {
    project_id: input.projectId,
    stacktrace: input.text,
    hash: input.hash,
    exception_type: input.exceptionType,
    ...(input.platform !== undefined && { platform: input.platform }),
    k: 1,
    model: input.model,
    training_mode: input.training ?? false,
    read_only: input.readOnly ?? false,
    skip_fallback: input.skipFallback ?? false,
    hnsw_candidates: 100,
    hnsw_distance: 0.05,
    use_reranking: false,
  };
}
