import "server-only";

/**
 * The grouping service's calls in regroup's terms. Seer's snake_case wire format is mapped to and from them once, at
 * the HTTP edge (wire.ts); regroup's own callers (the ingest AI step, its shadow, training-mode calls, the v2
 * backfill) build them directly.
 */

/** Seer's reranking: fetch up to max(k, candidates) within max(radius, candidateRadius), re-score exactly, then cut. */
export interface Reranking {
  candidates: number;
  candidateRadius: number;
}

/** One similar-issues call, with every choice made (withCallDefaults fills what a caller left out). */
export interface SimilarIssuesCall {
  /** regroup's project id; for findSimilarIssues, the caller's (Sentry's), which it maps to regroup's. */
  projectId: number;
  /** The stack trace as embedding text: what the model embeds. */
  stacktrace: string;
  /** The event's grouping hash: never its own neighbour, and the key its record is stored under. */
  hash: string;
  exceptionType: string | null;
  /** The event's platform: picks the model's per-platform threshold (null: its global one). */
  platform: string | null;
  /** The model requested ("v1", "v2"…). */
  model: string;
  /** How many neighbours to return; 0 looks for none and only stores (Sentry's ingest follow-up). */
  k: number;
  /** The caller's cosine-distance threshold; unset: the model's own (thresholds.ts has the rule). */
  threshold?: number;
  /** Look, never store (the "similar issues" view, a shadow decision). */
  readOnly: boolean;
  /** Store the model's embedding of the hash and look nothing up (the next model's backfill). */
  trainingMode: boolean;
  /** No next → stable fallback when the requested model finds nothing. */
  skipFallback: boolean;
  /** Re-score the index's candidates exactly before the threshold applies; null: the index's answer as it is. */
  reranking: Reranking | null;
}

/** What withCallDefaults fills when a caller leaves it out. */
type Defaulted = "platform" | "k" | "readOnly" | "trainingMode" | "skipFallback" | "reranking";

/** A call as regroup's own callers write it: what they never vary may be left out. */
export type SimilarIssuesCallInput = Omit<SimilarIssuesCall, Defaulted> & Partial<Pick<SimilarIssuesCall, Defaulted>>;

/**
 * The call with Seer's defaults for what was left out: the nearest neighbour (k = 1) by the model's threshold
 * (for the platform when given), looked up and stored, with the fallback, on the index's own distances.
 */
export function withCallDefaults(input: SimilarIssuesCallInput): SimilarIssuesCall {
  return {
    ...input,
    platform: input.platform ?? null,
    k: input.k ?? 1,
    readOnly: input.readOnly ?? false,
    trainingMode: input.trainingMode ?? false,
    skipFallback: input.skipFallback ?? false,
    reranking: input.reranking ?? null,
  };
}

/** A record near the call's stack trace: its hash, its cosine distance, and whether it is within the threshold. */
export interface SimilarIssue {
  parentHash: string;
  distance: number;
  shouldGroup: boolean;
}

export interface SimilarIssuesAnswer {
  /** Nearest first; empty in training mode. */
  similarIssues: SimilarIssue[];
  /** The model that answered: the stable one when the next one found nothing and fell back. */
  modelUsed: string;
}

/** One item of a bulk record creation (Sentry's backfill of a project's existing issues). */
export interface BulkRecord {
  /** The caller's (Sentry's) project id, mapped to regroup's. */
  projectId: number;
  hash: string;
  groupId: number;
  exceptionType: string | null;
  stacktrace: string;
}

export interface BulkRecordsCall {
  records: BulkRecord[];
  model: string;
  /** As in SimilarIssuesCall: unset, the model's own threshold. */
  threshold?: number;
  k: number;
  reranking: Reranking | null;
}

/** Per group id of an item that was not stored because a record was within the threshold: that record. */
export type GroupsWithNeighbour = Map<number, SimilarIssue>;
