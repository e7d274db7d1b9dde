import { z } from "zod";
import { rateSchema } from "./overgrouping";
import { jobSchema } from "./rollout";

/** A what-if replay's parameters: which model and threshold, over which of the project's events. */
export const whatIfRequestSchema = z.object({
  model: z.string().trim().min(1).max(32),
  /** The AI step's cosine-distance threshold; absent: the project's own (its override, else the model's per platform). */
  threshold: z.number().min(0).max(2).optional(),
  /** The project's events of the last this many days… */
  days: z.number().int().min(1).max(90).default(14),
  /** …at most this many of them, the most recent. */
  maxEvents: z.number().int().min(1).max(20_000).default(2_000),
});

export const whatIfMergeSchema = z.object({
  eventId: z.number().int(),
  matchedEventId: z.number().int(),
  distance: z.number(),
  title: z.string(),
  matchedTitle: z.string(),
});

export const whatIfResultSchema = z.object({
  /** The first and last arrival of the replayed events. */
  from: z.string().nullable(),
  to: z.string().nullable(),
  events: z.number().int(),
  /** Events of the window left out (more than maxEvents): the oldest. */
  leftOut: z.number().int(),
  /** How the same events are grouped today. */
  today: z.object({ issues: z.number().int(), aiMerges: z.number().int() }),
  /** How the replay groups them. */
  replay: z.object({
    issues: z.number().int(),
    reachedAi: z.number().int(),
    merges: z.number().int(),
    mergeRate: rateSchema.nullable(),
  }),
  /** The replay's merges whose two hashes experts labeled (their majority): wrong ones over labeled ones. */
  overgrouping: z.object({ labeled: z.number().int(), incorrect: z.number().int(), rate: rateSchema.nullable() }),
  /** Merges no expert labeled: the ones to look at before the flag flips. */
  unlabeled: z.number().int(),
  /** The first of them (by distance, the loosest first), with both events' titles. */
  unlabeledMerges: z.array(whatIfMergeSchema),
  /** Unlabeled merges whose pair is in the review queue (queued by one click on the Rollout page, or there already). */
  queued: z.number().int(),
});

export const whatIfSchema = z.object({
  job: jobSchema,
  model: z.string(),
  threshold: z.number().nullable(),
  days: z.number().int(),
  maxEvents: z.number().int(),
  result: whatIfResultSchema.nullable(),
});

export const whatIfListSchema = z.object({ replays: z.array(whatIfSchema) });

export const whatIfQueueResponseSchema = z.object({
  /** Pairs added to the review queue (source "added by hand", by "what-if #id"). */
  created: z.number().int(),
  /** Merges whose pair was queued already. */
  existing: z.number().int(),
});

/** A replay request as a caller writes it (days and maxEvents may be left out). */
export type WhatIfRequest = z.input<typeof whatIfRequestSchema>;
/** …and as the route hands it on, defaults filled in. */
export type ParsedWhatIfRequest = z.infer<typeof whatIfRequestSchema>;
export type WhatIfResult = z.infer<typeof whatIfResultSchema>;
export type WhatIf = z.infer<typeof whatIfSchema>;
