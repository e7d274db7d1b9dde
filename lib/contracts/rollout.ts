import { z } from "zod";

/** Contracts of the Rollout console: per-project flags, cohorts, scheduled changes, guardrails, backfill jobs. */

/** A model version of the registry ("v1", "v2", or one registered from the console); the server checks it is served. */
export const groupingModelSchema = z.string().regex(/^v\d+(\.\d+)?$/, 'a model version, e.g. "v2"');
const projectId = z.number().int().positive().max(2_147_483_647);
const reason = z.string().trim().min(3, "say why (at least 3 characters)").max(500);

/** The flags a change sets; at least one of them. */
export const flagChangeSchema = z
  .object({ groupingModel: groupingModelSchema.optional(), skipFallback: z.boolean().optional() })
  .refine((change) => change.groupingModel !== undefined || change.skipFallback !== undefined, {
    message: "nothing to change: give groupingModel or skipFallback",
  });

/** A project's flags as stored and audited (before/after of "flag.*" entries). */
export const projectFlagsSchema = z.object({ grouping_model: z.string(), skip_fallback: z.boolean() });

export const setFlagsRequestSchema = z.object({
  projectIds: z.array(projectId).min(1).max(1000),
  change: flagChangeSchema,
  reason,
});

export const cohortSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("filter"),
    platform: z.string().trim().min(1).max(100).optional(),
    minEvents: z.number().int().nonnegative().optional(),
    maxEvents: z.number().int().nonnegative().optional(),
    /** v2 coverage at least this many percent. */
    minCoveragePercent: z.number().min(0).max(100).optional(),
  }),
  z.object({
    kind: z.literal("percentage"),
    /** Share of projects, chosen by a hash of the project id: the same projects every time for the same salt. */
    percent: z.number().min(0).max(100),
    salt: z.string().max(100).default(""),
  }),
]);

export const cohortPreviewRequestSchema = z.object({ cohort: cohortSchema });
export const cohortPreviewResponseSchema = z.object({
  projects: z.array(z.object({ id: z.number().int(), name: z.string() })),
});

export const applyCohortRequestSchema = z.object({
  cohort: cohortSchema,
  change: flagChangeSchema,
  reason,
  /** ISO time; in the future the change is scheduled, otherwise it is applied now. */
  runAt: z.iso.datetime({ offset: true }).optional(),
});

export const scheduledChangeSchema = z.object({
  id: z.number().int(),
  projectIds: z.array(z.number().int()),
  projectNames: z.array(z.string()),
  change: flagChangeSchema,
  reason: z.string(),
  runAt: z.string(),
  status: z.enum(["pending", "applied", "cancelled", "failed"]),
  createdBy: z.string(),
  appliedAt: z.string().nullable(),
  error: z.string().nullable(),
});

export const applyCohortResponseSchema = z.object({
  applied: z.array(z.number().int()),
  scheduled: scheduledChangeSchema.nullable(),
});

export const setFlagsResponseSchema = z.object({
  projects: z.array(z.object({ projectId: z.number().int(), auditId: z.number().int(), after: projectFlagsSchema })),
});

export const guardrailSettingsSchema = z.object({
  /** Largest acceptable upper 95% (Wilson) bound of the v2 overgrouping rate, 0–1. */
  maxOvergroupingUpper: z.number().min(0, "at least 0%").max(1, "at most 100%"),
  /** Fewer labeled sampled merges than this: the bound is shown but does not trip the rule. */
  minOvergroupingSample: z.number().int().min(0).max(100_000),
  /** Largest acceptable fallback rate once the transition is over, 0–1. */
  maxFallbackRate: z.number().min(0, "at least 0%").max(1, "at most 100%"),
  /** v2 lookups (last 7 days) needed before the fallback rule judges. */
  minFallbackLookups: z.number().int().min(0).max(1_000_000),
  /** Move a breaching project back to v1 (audited, actor "system"). */
  autoPause: z.boolean(),
});

export const updateGuardrailsRequestSchema = z.object({ settings: guardrailSettingsSchema, reason });

export const migrationStateSchema = z.enum(["not_started", "backfilling", "transition", "done"]);

export const jobSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  projectId: z.number().int().nullable(),
  status: z.enum(["queued", "running", "done", "cancelled", "failed"]),
  progressDone: z.number().int(),
  progressTotal: z.number().int(),
  error: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

export const overgroupingEstimateSchema = z.object({
  /** Labeled pairs of the random merge sample of v2 (UNSURE-only pairs left out). */
  sampleSize: z.number().int(),
  incorrect: z.number().int(),
  rate: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
});

export const guardrailFlagSchema = z.object({
  rule: z.enum(["overgrouping_upper_bound", "fallback_rate"]),
  /** "breached" trips auto-pause; "insufficient_sample" is shown only. */
  level: z.enum(["breached", "insufficient_sample"]),
  message: z.string(),
});

export const migrationSchema = z.object({
  state: migrationStateSchema,
  detail: z.string(),
  groupHashes: z.number().int(),
  eligibleHashes: z.number().int(),
  ineligibleHashes: z.number().int(),
  coveredHashes: z.number().int(),
  /** coveredHashes / eligibleHashes, null when nothing is eligible. */
  coverage: z.number().nullable(),
  trainingCalls: z.number().int(),
  /** v2 lookups of the last 7 days answered by v1 / v2 lookups, null without lookups. */
  fallbackRate: z.number().nullable(),
  fallbackLookups: z.number().int(),
});

export const rolloutProjectSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  slug: z.string(),
  platform: z.string(),
  eventCount: z.number().int(),
  groupingModel: z.string(),
  skipFallback: z.boolean(),
  migration: migrationSchema,
  overgrouping: overgroupingEstimateSchema,
  guardrails: z.array(guardrailFlagSchema),
  backfill: jobSchema.nullable(),
});

export const rolloutOverviewSchema = z.object({
  nextModel: z.string().nullable(),
  stableModel: z.string(),
  /** The models a project may be flipped to (not retired), in version order. */
  servedModels: z.array(z.string()),
  projects: z.array(rolloutProjectSchema),
  guardrails: guardrailSettingsSchema,
});

export const fallbackDaySchema = z.object({
  day: z.string(),
  lookups: z.number().int(),
  fallbacks: z.number().int(),
  rate: z.number(),
});

export const rolloutProjectDetailSchema = z.object({
  nextModel: z.string().nullable(),
  stableModel: z.string(),
  servedModels: z.array(z.string()),
  project: rolloutProjectSchema,
  fallbackByDay: z.array(fallbackDaySchema),
});

export const createBackfillRequestSchema = z
  .object({
    projectId: projectId.optional(),
    cohort: cohortSchema.optional(),
    batchSize: z.number().int().min(1).max(1000).optional(),
  })
  .refine((request) => (request.projectId === undefined) !== (request.cohort === undefined), {
    message: "give exactly one of projectId or cohort",
  });

export const jobListQuerySchema = z.object({
  ids: z
    .string()
    .regex(/^\d+(,\d+)*$/, "a comma-separated list of job ids")
    .transform((value) => value.split(",").map(Number))
    .optional(),
});

export const jobListResponseSchema = z.object({ jobs: z.array(jobSchema) });
export const scheduledChangeListResponseSchema = z.object({ changes: z.array(scheduledChangeSchema) });
export const revertRequestSchema = z.object({ reason: z.string().trim().max(500).optional() });
export const revertResponseSchema = z.object({
  auditId: z.number().int(),
  projectId: z.number().int(),
  after: projectFlagsSchema,
});

export type FlagChange = z.infer<typeof flagChangeSchema>;
export type ProjectFlags = z.infer<typeof projectFlagsSchema>;
export type SetFlagsRequest = z.infer<typeof setFlagsRequestSchema>;
export type SetFlagsResponse = z.infer<typeof setFlagsResponseSchema>;
export type Cohort = z.infer<typeof cohortSchema>;
export type CohortPreviewResponse = z.infer<typeof cohortPreviewResponseSchema>;
export type ApplyCohortRequest = z.infer<typeof applyCohortRequestSchema>;
export type ApplyCohortResponse = z.infer<typeof applyCohortResponseSchema>;
export type ScheduledChange = z.infer<typeof scheduledChangeSchema>;
export type GuardrailSettings = z.infer<typeof guardrailSettingsSchema>;
export type MigrationState = z.infer<typeof migrationStateSchema>;
export type Job = z.infer<typeof jobSchema>;
export type OvergroupingEstimate = z.infer<typeof overgroupingEstimateSchema>;
export type GuardrailFlag = z.infer<typeof guardrailFlagSchema>;
export type Migration = z.infer<typeof migrationSchema>;
export type RolloutProject = z.infer<typeof rolloutProjectSchema>;
export type RolloutOverview = z.infer<typeof rolloutOverviewSchema>;
export type FallbackDay = z.infer<typeof fallbackDaySchema>;
export type RolloutProjectDetail = z.infer<typeof rolloutProjectDetailSchema>;
export type CreateBackfillRequest = z.infer<typeof createBackfillRequestSchema>;
export type RevertResponse = z.infer<typeof revertResponseSchema>;

/** Audit actions whose `before` can be re-applied from the audit log. */
export const revertibleAuditActions = ["flag.set", "flag.revert", "flag.auto_pause"] as const;
