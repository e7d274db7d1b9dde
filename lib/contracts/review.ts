import { z } from "zod";

/** Where a pair came from. Only `merge_sample` pairs are a random sample (the overgrouping rates use them alone). */
export const reviewSources = ["disagreement", "near_threshold", "merge_sample", "manual"] as const;
export const reviewSourceSchema = z.enum(reviewSources);
export const sourceLabels: Record<ReviewSource, string> = {
  disagreement: "v1/v2 disagreement",
  near_threshold: "near the threshold",
  merge_sample: "random sample of AI merges",
  manual: "added by hand",
};

export const verdicts = ["GROUP", "SEPARATE", "UNSURE"] as const;
export const verdictSchema = z.enum(verdicts);

/** The short list of reasons a labeler picks from (keys 1–6 on the review screen). */
export const labelReasons = [
  "Same crash site",
  "Same cause, different path",
  "Different crash site",
  "Only library frames in common",
  "Not enough information",
  "Other (see note)",
] as const;
export const labelReasonSchema = z.enum(labelReasons);

const id = z.coerce.number().int().positive().max(2_147_483_647);

export const queueFilterSchema = z.object({
  project: id.optional(),
  platform: z.string().trim().min(1).max(64).optional(),
  source: reviewSourceSchema.optional(),
});

export const nextPairRequestSchema = queueFilterSchema.extend({
  /** "conflicts": pairs whose labels disagree. */
  queue: z.enum(["pending", "conflicts"]).default("pending"),
  /** Pairs this labeler skipped in this session, not offered again. */
  exclude: z.array(id).max(1000).default([]),
  blind: z.boolean().default(false),
});

export const frameSchema = z.object({
  module: z.string().nullable(),
  filename: z.string().nullable(),
  function: z.string().nullable(),
  lineno: z.number().nullable(),
  contextLine: z.string().nullable(),
  inApp: z.boolean(),
  contributes: z.boolean(),
});

export const alignmentRowSchema = z.object({
  kind: z.enum(["equal", "changed", "only-left", "only-right"]),
  left: frameSchema.nullable(),
  right: frameSchema.nullable(),
  firstDivergence: z.boolean(),
});

export const pairEventSchema = z.object({
  id: z.number().int(),
  eventId: z.string(),
  issueId: z.number().int(),
  title: z.string(),
  groupingMethod: z.enum(["fingerprint", "ai", "new"]),
  receivedAt: z.string(),
  exceptions: z.array(z.object({ type: z.string().nullable(), value: z.string().nullable() })),
});

/** One model's view of the pair: the distance between the two events' embeddings and what that means. */
export const modelDecisionSchema = z.object({
  model: z.string(),
  distance: z.number().nullable(),
  threshold: z.number(),
  /** threshold − distance: positive would merge, negative would keep apart. */
  margin: z.number().nullable(),
  wouldMerge: z.boolean().nullable(),
});

export const pairLabelSchema = z.object({
  labeler: z.string(),
  labelerId: z.number().int().nullable(),
  /** A person (expert), a corpus's ground truth (simulated_expert), or an automated labeler, never counted as an expert. */
  labelerKind: z.enum(["expert", "simulated_expert", "automated"]),
  verdict: verdictSchema,
  reason: z.string().nullable(),
  note: z.string().nullable(),
  blind: z.boolean(),
  at: z.string(),
});

export const reviewPairSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  projectName: z.string(),
  platform: z.string(),
  source: reviewSourceSchema,
  model: z.string().nullable(),
  samplingWeight: z.number(),
  mergeSampleProbability: z.number().nullable(),
  left: pairEventSchema,
  right: pairEventSchema,
  rows: z.array(alignmentRowSchema),
  firstDivergingIndex: z.number().int().nullable(),
  /** null in blind mode until this labeler has labeled the pair. */
  decisions: z.array(modelDecisionSchema).nullable(),
  /** Other labelers' labels; hidden (empty) in blind mode until this labeler has labeled. */
  labels: z.array(pairLabelSchema),
  myLabel: pairLabelSchema.nullable(),
  claimedUntil: z.string().nullable(),
  guideline: z.object({ platform: z.string(), body: z.string(), updatedBy: z.string().nullable() }),
});

export const nextPairResponseSchema = z.object({ pair: reviewPairSchema.nullable(), remaining: z.number().int() });

export const labelRequestSchema = z.object({
  verdict: verdictSchema,
  reason: labelReasonSchema.nullable().default(null),
  note: z.string().trim().max(2000).nullable().default(null),
});

export const labelResponseSchema = z.object({
  label: pairLabelSchema,
  /** The decisions, revealed now that the label is saved. */
  decisions: z.array(modelDecisionSchema),
  conflict: z.boolean(),
});

export const undoResponseSchema = z.object({
  undone: z.object({ pairId: z.number().int(), verdict: verdictSchema }).nullable(),
});

export const queueSummarySchema = z.object({
  counts: z.array(
    z.object({
      source: reviewSourceSchema,
      pairs: z.number().int(),
      unlabeled: z.number().int(),
      claimed: z.number().int(),
    }),
  ),
  /** Pairs this user has not labeled yet, with the filters. */
  remainingForMe: z.number().int(),
  conflicts: z.number().int(),
  projects: z.array(z.object({ id: z.number().int(), name: z.string(), platform: z.string() })),
  platforms: z.array(z.string()),
});

export const progressSchema = z.object({
  labelers: z.array(
    z.object({
      labeler: z.string(),
      total: z.number().int(),
      group: z.number().int(),
      separate: z.number().int(),
      unsure: z.number().int(),
      last7Days: z.number().int(),
      lastAt: z.string().nullable(),
    }),
  ),
  totalPairs: z.number().int(),
  labeledPairs: z.number().int(),
});

/** A pair as the pair lists show it: where it comes from and the titles of its two sides. */
const pairListItemSchema = z.object({
  id: z.number().int(),
  projectName: z.string(),
  platform: z.string(),
  source: reviewSourceSchema,
  titles: z.tuple([z.string(), z.string()]),
});

export const conflictsSchema = z.object({
  pairs: z.array(pairListItemSchema.extend({ labels: z.array(pairLabelSchema) })),
});

/** One automated labeler measured against the experts' majority on the pairs both labeled. */
export const automatedAgreementSchema = z.object({
  labeler: z.string(),
  /** The labeler versions whose labels are counted (a rerun after a change relabels pair by pair). */
  versions: z.array(z.string()),
  /** Pairs the labeler labeled. */
  labeled: z.number().int(),
  /** Of those, pairs the experts' labels give a strict majority verdict: the pairs kappa is computed on. */
  n: z.number().int(),
  observed: z.number(),
  expected: z.number(),
  kappa: z.number().nullable(),
  /** Counts of (the labeler's verdict, the experts' majority) over the n pairs. */
  confusion: z.array(z.object({ labeler: verdictSchema, experts: verdictSchema, count: z.number().int() })),
  /** κ ≥ minKappa on at least minShared pairs: the Overgrouping page may compute its rates from this labeler. */
  passes: z.boolean(),
});

export const agreementSchema = z.object({
  minShared: z.number().int(),
  /** The kappa an automated labeler needs before its labels may stand in for the experts' (LABELER_MIN_KAPPA). */
  minKappa: z.number(),
  automated: z.array(automatedAgreementSchema),
  kappas: z.array(
    z.object({
      a: z.string(),
      b: z.string(),
      n: z.number().int(),
      observed: z.number(),
      expected: z.number(),
      kappa: z.number().nullable(),
    }),
  ),
  /** Labeler pairs with some but fewer than minShared shared pairs. */
  tooFew: z.array(z.object({ a: z.string(), b: z.string(), n: z.number().int() })),
  majority: z.array(
    z.object({
      labeler: z.string(),
      compared: z.number().int(),
      agreed: z.number().int(),
      rate: z.number().nullable(),
    }),
  ),
});

export const refillRequestSchema = z.object({
  project: id.optional(),
  /** Merge-sample size aimed at per (project, model) stratum when it is sampled for the first time. */
  perStratum: z.number().int().min(1).max(10_000).optional(),
  nearThresholdPerModel: z.number().int().min(0).max(10_000).optional(),
});

export const refillResponseSchema = z.object({
  created: z.record(reviewSourceSchema, z.number().int()),
  distancesComputed: z.number().int(),
});

/** A manual pair of two issues' latest events ("Compare with…" on an issue page). */
export const issuePairRequestSchema = z.object({ issueIds: z.tuple([id, id]) });
export const manualPairRequestSchema = z.union([z.object({ eventIds: z.tuple([id, id]) }), issuePairRequestSchema]);
export const manualPairResponseSchema = z.object({ pairId: z.number().int(), created: z.boolean() });

export const guidelineSchema = z.object({
  platform: z.string(),
  body: z.string(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export const guidelinesResponseSchema = z.object({ guidelines: z.array(guidelineSchema) });
export const guidelineUpdateSchema = z.object({ body: z.string().trim().min(1, "must not be empty").max(20_000) });
export const platformParamSchema = z.object({
  platform: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9_.-]+$/i, "letters, digits, _ . -"),
});

export const exportQuerySchema = z.object({
  format: z.enum(["jsonl", "csv"]).default("jsonl"),
  project: id.optional(),
  source: reviewSourceSchema.optional(),
});

export type ReviewSource = z.infer<typeof reviewSourceSchema>;
export type Verdict = z.infer<typeof verdictSchema>;
export type LabelReason = z.infer<typeof labelReasonSchema>;
export type QueueFilter = z.infer<typeof queueFilterSchema>;
export type NextPairRequest = z.input<typeof nextPairRequestSchema>;
export type ReviewPair = z.infer<typeof reviewPairSchema>;
export type ModelDecision = z.infer<typeof modelDecisionSchema>;
export type PairLabel = z.infer<typeof pairLabelSchema>;
export type AlignmentRowView = z.infer<typeof alignmentRowSchema>;
export type FrameView = z.infer<typeof frameSchema>;
export type LabelRequest = z.input<typeof labelRequestSchema>;
export type LabelResponse = z.infer<typeof labelResponseSchema>;
export type QueueSummary = z.infer<typeof queueSummarySchema>;
export type Progress = z.infer<typeof progressSchema>;
export type Conflicts = z.infer<typeof conflictsSchema>;
export type Agreement = z.infer<typeof agreementSchema>;

/** How a label's origin is shown beside its labeler's name. */
export const kindLabels: Record<PairLabel["labelerKind"], string> = {
  expert: "expert",
  simulated_expert: "simulated expert",
  automated: "automated, not counted as an expert",
};
export type AutomatedAgreement = z.infer<typeof automatedAgreementSchema>;
export type RefillRequest = z.infer<typeof refillRequestSchema>;
export type RefillResponse = z.infer<typeof refillResponseSchema>;
export type ManualPairRequest = z.infer<typeof manualPairRequestSchema>;
export type Guideline = z.infer<typeof guidelineSchema>;

export const pairListSchema = z.object({
  pairs: z.array(pairListItemSchema.extend({ labels: z.number().int() })),
});
export type PairList = z.infer<typeof pairListSchema>;
