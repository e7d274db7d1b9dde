import { z } from "zod";

/** A rate with its Wilson 95% interval; n = observations (for a weighted rate: the effective sample size). */
export const rateSchema = z.object({
  value: z.number(),
  low: z.number(),
  high: z.number(),
  n: z.number(),
  successes: z.number(),
});

/** Merge rate: AI merges / events that reached the AI step, by the model the project asked for. */
export const mergeStatsSchema = z.object({
  reachedAi: z.number().int(),
  merges: z.number().int(),
  /** Of the merges, those the stable model made after the requested next model found nothing (fallback). */
  fallbackMerges: z.number().int(),
  newIssues: z.number().int(),
  rate: rateSchema.nullable(),
  /** AI merges / (AI merges + new issues after fingerprinting failed), among these events. */
  aiPrevented: rateSchema.nullable(),
});

/** Overgrouping from the labeled random merge sample, by the model that made the merge. */
export const overgroupingStatsSchema = z.object({
  labeled: z.number().int(),
  incorrect: z.number().int(),
  /** Sample proportion incorrect / labeled (null when nothing is labeled). */
  plain: rateSchema.nullable(),
  /** Inverse-probability (1/p) weighted estimate; its n is Kish's effective sample size. */
  weighted: rateSchema.nullable(),
  /**
   * Known overgroupings: AI merges a person undid by unmerging the hash from the issue (every merge, sampled or not).
   * Not a rate: a floor on the wrong merges; the rate counts only those of the random sample (through their labels).
   */
  knownWrong: z.number().int(),
});

export const modelStatsSchema = z.object({
  model: z.string(),
  merge: mergeStatsSchema,
  overgrouping: overgroupingStatsSchema,
});

export const breakdownRowSchema = modelStatsSchema.extend({
  platform: z.string(),
  projectId: z.number().int().nullable(),
  projectName: z.string().nullable(),
});

export const dailyRowSchema = modelStatsSchema.extend({ day: z.string() });

/** The label source of the experts' labels (people and simulated experts). */
export const EXPERTS = "experts";

/** Whose labels the rates come from: "experts" (the default), or the name of an automated labeler that passes. */
const labelsParam = z.string().trim().min(1).max(200).default(EXPERTS);

export const dashboardQuerySchema = z.object({ labels: labelsParam });

/** An automated labeler the rates may be computed from, with its agreement with the experts. */
export const labelSourceOptionSchema = z.object({
  labeler: z.string(),
  kappa: z.number().nullable(),
  /** Pairs it shares with an expert majority. */
  n: z.number().int(),
  passes: z.boolean(),
});

export const dashboardResponseSchema = z.object({
  /** Whose labels the overgrouping rates below come from, and (an automated labeler's) kappa against the experts. */
  labels: z.object({ source: z.string(), kappa: z.number().nullable(), n: z.number().int() }),
  /** Every automated labeler, whether its kappa passes minKappa (only those may be chosen as the source). */
  labelSources: z.array(labelSourceOptionSchema),
  minKappa: z.number(),
  /** Fewer labeled merges than this: the page warns that the rate says little. */
  minSample: z.number().int(),
  models: z.array(z.string()),
  overall: z.object({
    /** AI-prevented issues over every event fingerprinting could not group, including those never sent to the AI. */
    aiPrevented: rateSchema.nullable(),
    merges: z.number().int(),
    newIssues: z.number().int(),
    newIssuesNotSentToAi: z.number().int(),
  }),
  perModel: z.array(modelStatsSchema),
  daily: z.array(dailyRowSchema),
  byPlatform: z.array(breakdownRowSchema),
  byProject: z.array(breakdownRowSchema),
});

/** Filters of the drill-down: the labeled merges behind one rate. */
export const mergesQuerySchema = z.object({
  labels: labelsParam,
  model: z.string().trim().min(1).max(32).optional(),
  platform: z.string().trim().min(1).max(64).optional(),
  projectId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "a day as YYYY-MM-DD")
    .optional(),
  verdict: z.enum(["GROUP", "SEPARATE"]).optional(),
});

export const labeledMergeSchema = z.object({
  pairId: z.number().int(),
  projectId: z.number().int(),
  projectName: z.string(),
  platform: z.string(),
  model: z.string(),
  day: z.string(),
  /** The distance at which the model merged (from its decision). */
  distance: z.number().nullable(),
  probability: z.number(),
  verdict: z.enum(["GROUP", "SEPARATE"]),
  votes: z.object({ group: z.number().int(), separate: z.number().int(), unsure: z.number().int() }),
  titleA: z.string(),
  titleB: z.string(),
});

export const mergesResponseSchema = z.object({ merges: z.array(labeledMergeSchema), truncated: z.boolean() });

export const thresholdSourceSchema = z.enum(["all", "merge_sample"]);

export const thresholdQuerySchema = z.object({ source: thresholdSourceSchema.default("all") });

export const operatingPointSchema = z.object({
  threshold: z.number(),
  precision: z.number().nullable(),
  recall: z.number().nullable(),
  truePositives: z.number().int(),
  falsePositives: z.number().int(),
  falseNegatives: z.number().int(),
});

export const thresholdCurveSchema = z.object({
  /** "all" for every platform together. */
  platform: z.string(),
  model: z.string(),
  pairs: z.number().int(),
  groupPairs: z.number().int(),
  currentThreshold: z.number().nullable(),
  atCurrent: operatingPointSchema.nullable(),
  /** The loosest threshold whose precision_GROUP is at least the target (the most recall at that precision). */
  atTarget: operatingPointSchema.nullable(),
  points: z.array(operatingPointSchema),
});

export const thresholdResponseSchema = z.object({
  targetPrecision: z.number(),
  source: thresholdSourceSchema,
  platforms: z.array(z.string()),
  curves: z.array(thresholdCurveSchema),
});

export type Rate = z.infer<typeof rateSchema>;
export type MergeStats = z.infer<typeof mergeStatsSchema>;
export type OvergroupingStats = z.infer<typeof overgroupingStatsSchema>;
export type ModelStats = z.infer<typeof modelStatsSchema>;
export type BreakdownRow = z.infer<typeof breakdownRowSchema>;
export type DailyRow = z.infer<typeof dailyRowSchema>;
export type DashboardResponse = z.infer<typeof dashboardResponseSchema>;
/** The drill-down's filters as a caller gives them (labels may be left out: the experts'). */
export type MergesQuery = Omit<z.infer<typeof mergesQuerySchema>, "labels"> & { labels?: string };
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;
export type LabeledMergeRow = z.infer<typeof labeledMergeSchema>;
export type MergesResponse = z.infer<typeof mergesResponseSchema>;
export type ThresholdSource = z.infer<typeof thresholdSourceSchema>;
export type OperatingPointView = z.infer<typeof operatingPointSchema>;
export type ThresholdCurve = z.infer<typeof thresholdCurveSchema>;
export type ThresholdResponse = z.infer<typeof thresholdResponseSchema>;
