import { z } from "zod";

/**
 * Seer's similar-issues API (DESIGN.md, "Grouping service"): snake_case on the wire, as Sentry sends it. Fields
 * Sentry adds that regroup does not use (referrer, event_id, group_id_list, message…) are accepted and dropped
 * (zod objects strip unknown keys).
 */
/** Sentry's ids are 64-bit; JSON numbers are exact up to 2^53 − 1, which is as far as they can be read here. */
const sentryId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const projectId = sentryId;
const hash = z.string().trim().min(1).max(128);
/** "v1", "v2", and the dotted names of Sentry's rollouts such as "v2.1" (valid when such a model is registered). */
export const modelVersion = z.string().regex(/^v\d+(\.\d+)*$/, "must be a model version such as v1, v2 or v2.1");

export const similarIssuesRequestSchema = z.object({
  project_id: projectId,
  stacktrace: z.string().min(1, "must not be empty").max(200_000),
  hash,
  exception_type: z.string().max(500).nullish(),
  /**
   * The event's platform (regroup's ingest sends it; Sentry does not): picks the model's per-platform threshold when
   * no threshold is requested. Absent → the model's global threshold.
   */
  platform: z.string().max(64).nullish(),
  /** 0 is Sentry's "store this, find nothing" follow-up (referrer ingest_follow_up): no neighbours, then insert. */
  k: z.number().int().min(0).max(100).default(1),
  threshold: z.number().min(0).max(2).optional(),
  read_only: z.boolean().default(false),
  hnsw_candidates: z.number().int().min(1).max(1000).default(100),
  hnsw_distance: z.number().min(0).max(2).default(0.05),
  use_reranking: z.boolean().default(false),
  model: modelVersion.default("v1"),
  training_mode: z.boolean().default(false),
  skip_fallback: z.boolean().default(false),
});

export const similarIssueSchema = z.object({
  parent_hash: z.string(),
  stacktrace_distance: z.number(),
  should_group: z.boolean(),
});

export const similarIssuesResponseSchema = z.object({
  responses: z.array(similarIssueSchema),
  model_used: z.string(),
});

export const bulkCreateRequestSchema = z.object({
  data: z
    .array(
      z.object({
        group_id: sentryId,
        hash,
        project_id: projectId,
        exception_type: z.string().max(500).nullish(),
      }),
    )
    .min(1)
    .max(1000),
  stacktrace_list: z.array(z.string().min(1, "must not be empty").max(200_000)).min(1).max(1000),
  threshold: z.number().min(0).max(2).optional(),
  k: z.number().int().min(1).max(100).default(1),
  hnsw_candidates: z.number().int().min(1).max(1000).default(100),
  hnsw_distance: z.number().min(0).max(2).default(0.05),
  use_reranking: z
    .boolean()
    .nullish()
    .transform((value) => value ?? false),
  model: modelVersion.default("v1"),
});

export const bulkCreateResponseSchema = z.object({
  success: z.boolean(),
  groups_with_neighbor: z.record(z.string(), similarIssueSchema),
});

export const deleteByHashRequestSchema = z.object({
  project_id: projectId,
  hash_list: z.array(hash).max(10_000),
});

export type SimilarIssuesRequest = z.infer<typeof similarIssuesRequestSchema>;
export type SimilarIssue = z.infer<typeof similarIssueSchema>;
export type SimilarIssuesResponse = z.infer<typeof similarIssuesResponseSchema>;
export type BulkCreateRequest = z.infer<typeof bulkCreateRequestSchema>;
export type BulkCreateResponse = z.infer<typeof bulkCreateResponseSchema>;

/** The answer of the two grouping-record deletes (Seer's). */
export const groupingDeleteResponseSchema = z.object({ success: z.boolean() });

export const groupingStatsRequestSchema = z.object({
  project_ids: z.array(z.number().int().positive()).max(10_000).optional(),
});

/** How big the AI grouping index is (for load tests and operators). */
export const groupingStatsResponseSchema = z.object({
  records: z.number().int(),
  /** Records with an embedding of each model. */
  byModel: z.record(z.string(), z.number().int()),
  /** grouping_records with its partitions and indexes, on disk. */
  totalBytes: z.number(),
  bytesPerRecord: z.number(),
});

export type GroupingStatsResponse = z.infer<typeof groupingStatsResponseSchema>;
