import { z } from "zod";

/** Seer's similar-issues API (DESIGN.md, "Grouping service"): snake_case on the wire, as Sentry sends it. */
const projectId = z.number().int().positive().max(2_147_483_647);
const hash = z.string().trim().min(1).max(128);
export const modelVersion = z.string().regex(/^v\d+$/, "must be a model version such as v1 or v2");

export const similarIssuesRequestSchema = z.object({
  project_id: projectId,
  stacktrace: z.string().min(1, "must not be empty").max(200_000),
  hash,
  exception_type: z.string().max(500).nullish(),
  k: z.number().int().min(1).max(100).default(1),
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
        group_id: z.number().int(),
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
  model: modelVersion.default("v1"),
});

export const bulkCreateResponseSchema = z.object({
  success: z.boolean(),
  groups_with_neighbor: z.record(z.string(), similarIssueSchema),
});

export const deleteByHashRequestSchema = z.object({
  project_id: projectId,
  hash_list: z.array(hash).min(1).max(10_000),
});

export type SimilarIssuesRequest = z.infer<typeof similarIssuesRequestSchema>;
export type SimilarIssue = z.infer<typeof similarIssueSchema>;
export type SimilarIssuesResponse = z.infer<typeof similarIssuesResponseSchema>;
export type BulkCreateRequest = z.infer<typeof bulkCreateRequestSchema>;
export type BulkCreateResponse = z.infer<typeof bulkCreateResponseSchema>;
