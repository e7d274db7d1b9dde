import { z } from "zod";
import { jobSchema } from "./rollout";
import { reviewSources } from "./review";

/** The automated labelers an admin can run from the console (and `npm run label -- --labeler …`). */
export const labelerChoices = ["builtin", "llm"] as const;

export const labelRunSources = [...reviewSources, "all"] as const;

export const labelJobRequestSchema = z.object({
  labeler: z.enum(labelerChoices),
  /** Which review pairs: one source (the random merge sample by default) or all. */
  source: z.enum(labelRunSources).default("merge_sample"),
  /** At most this many pairs (the oldest the labeler has not labeled); absent: all of them. */
  limit: z.number().int().positive().max(1_000_000).optional(),
});

export const labelJobSchema = z.object({
  job: jobSchema,
  labeler: z.enum(labelerChoices),
  source: z.enum(labelRunSources),
  limit: z.number().int().nullable(),
  /** What the run did, once it ended: labels by verdict, refusals, tokens, why it stopped. */
  summary: z.string().nullable(),
});

export const labelJobsResponseSchema = z.object({
  /** The latest label jobs, newest first. */
  jobs: z.array(labelJobSchema),
  /** Each labeler, as this server is configured (the LLM needs LABELER_LLM_URL and LABELER_LLM_MODEL). */
  labelers: z.array(
    z.object({ kind: z.enum(labelerChoices), name: z.string().nullable(), configured: z.boolean(), note: z.string() }),
  ),
});

export type LabelJobRequest = z.infer<typeof labelJobRequestSchema>;
export type LabelJob = z.infer<typeof labelJobSchema>;
export type LabelJobsResponse = z.infer<typeof labelJobsResponseSchema>;
