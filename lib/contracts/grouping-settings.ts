import { z } from "zod";
import { whyGroupedSchema } from "./issues";

/**
 * Contracts of a project's grouping settings: its fingerprint rules and stack trace rules (Sentry's syntax), an AI
 * distance threshold that replaces the calibrated one of its model, and the preview of a change on its recent events.
 */

/**
 * The loosest AI distance threshold a project may set. A looser threshold merges more, and a wrong merge (hiding a
 * problem) is worse than a duplicate issue; 0.1 is also as far as the read-only "similar issues" lookups and the
 * shadow decisions look, so the preview can still see what such a threshold would do.
 */
export const AI_THRESHOLD_OVERRIDE_MAX = 0.1;

/** A guard on the request size only: the engine's own limits (returned by GET) are tighter and name a line. */
const RULES_TEXT_TRANSPORT_MAX = 64_000;

const rulesText = z.string().max(RULES_TEXT_TRANSPORT_MAX, `must be at most ${RULES_TEXT_TRANSPORT_MAX} characters`);

export const aiThresholdOverrideSchema = z
  .number({ error: "a number such as 0.03, or leave it empty for the model's own" })
  .min(0, "must be 0 or more")
  .max(AI_THRESHOLD_OVERRIDE_MAX, `must be at most ${AI_THRESHOLD_OVERRIDE_MAX}: looser thresholds merge too much`);

/** What a person edits: the two rules texts and the override of the project's model's threshold (null: none). */
export const groupingSettingsRequestSchema = z.object({
  fingerprintRules: rulesText,
  stackTraceRules: rulesText,
  aiThresholdOverride: aiThresholdOverrideSchema.nullable(),
});

/** The rules texts alone, to check as they are typed. */
export const groupingRulesSchema = groupingSettingsRequestSchema.pick({
  fingerprintRules: true,
  stackTraceRules: true,
});

/** Where a rules text goes wrong: line and column from 1, and why. */
export const rulesProblemSchema = z.object({
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  message: z.string(),
});

export const validateGroupingRulesResponseSchema = z.object({
  fingerprintRules: rulesProblemSchema.nullable(),
  stackTraceRules: rulesProblemSchema.nullable(),
});

/** A project's settings as stored: the override names the model it was chosen for, and applies only to that model. */
export const groupingSettingsSchema = z.object({
  fingerprintRules: z.string(),
  stackTraceRules: z.string(),
  aiThreshold: z.object({ model: z.string(), threshold: z.number() }).nullable(),
});

export const groupingSettingsResponseSchema = z.object({
  settings: groupingSettingsSchema,
  /** The model the project's AI grouping asks for now: a new override is for this one. */
  projectModel: z.string(),
  /** The calibrated thresholds of the models, an override replaces one of them. */
  calibratedThresholds: z.array(
    z.object({
      model: z.string(),
      threshold: z.number(),
      platformThresholds: z.record(z.string(), z.number()),
    }),
  ),
  limits: z.object({
    maxChars: z.number().int(),
    maxRules: z.number().int(),
    maxPatternChars: z.number().int(),
    maxThreshold: z.number(),
  }),
});

/** An issue in a preview: an existing one (id), or one the change would create (no id, the hash that would start it). */
export const previewIssueSchema = z.object({
  id: z.number().int().nullable(),
  hash: z.string().nullable(),
  title: z.string(),
});

const count = z.number().int().nonnegative();

export const rulesPreviewSchema = z.object({
  /** The project's most recent events the preview ran (at most its limit). */
  eventsConsidered: count,
  /** Events whose hashes the new rules change. */
  eventsRehashed: count,
  /** Events that would be in another issue. */
  eventsChangingIssue: count,
  /** Issues whose events would go to more than one issue (the first ones, by events moved). */
  splits: z.array(
    z.object({
      issue: previewIssueSchema,
      events: count,
      into: z.array(z.object({ issue: previewIssueSchema, events: count })),
    }),
  ),
  splitCount: count,
  /** Issues that would receive the events of more than one issue of today (the first ones). */
  merges: z.array(
    z.object({
      into: previewIssueSchema,
      from: z.array(z.object({ issue: previewIssueSchema, events: count })),
    }),
  ),
  mergeCount: count,
  /** One event under the new rules: one that changes issue when there is one, else the latest. */
  sample: z
    .object({
      eventId: z.string(),
      title: z.string(),
      issue: previewIssueSchema,
      movesTo: previewIssueSchema,
      hashesBefore: z.array(z.string()),
      hashesAfter: z.array(z.string()),
      variants: whyGroupedSchema.shape.variants,
      /** What the AI step would embed, or null with the reason it would not be sent there. */
      embeddingText: z.string().nullable(),
      aiIneligibleReason: z.string().nullable(),
    })
    .nullable(),
});

export const thresholdPreviewSchema = z.object({
  model: z.string(),
  /** The override, or null when the preview is of going back to the calibrated thresholds. */
  threshold: z.number().nullable(),
  /** The project's most recent live AI decisions answered by this model (at most the limit). */
  decisionsConsidered: count,
  /** Merges whose distance is past the new threshold: those events would have started issues of their own. */
  mergesUndone: count,
  /** Decisions that found nothing within their threshold, but whose nearest earlier issue is within the new one. */
  mergesAdded: count,
  /** The first of them, with the issue involved. */
  examples: z.array(
    z.object({
      eventTitle: z.string(),
      change: z.enum(["merge_undone", "merge_added"]),
      distance: z.number(),
      thresholdBefore: z.number(),
      issue: previewIssueSchema,
    }),
  ),
});

export const groupingPreviewResponseSchema = z.object({
  rules: rulesPreviewSchema,
  /** Null when the threshold does not change. */
  threshold: thresholdPreviewSchema.nullable(),
});

export type GroupingSettingsRequest = z.infer<typeof groupingSettingsRequestSchema>;
export type GroupingRules = z.infer<typeof groupingRulesSchema>;
export type RulesProblem = z.infer<typeof rulesProblemSchema>;
export type ValidateGroupingRulesResponse = z.infer<typeof validateGroupingRulesResponseSchema>;
export type GroupingSettings = z.infer<typeof groupingSettingsSchema>;
export type GroupingSettingsResponse = z.infer<typeof groupingSettingsResponseSchema>;
export type PreviewIssue = z.infer<typeof previewIssueSchema>;
export type RulesPreview = z.infer<typeof rulesPreviewSchema>;
export type ThresholdPreview = z.infer<typeof thresholdPreviewSchema>;
export type GroupingPreviewResponse = z.infer<typeof groupingPreviewResponseSchema>;
