import { z } from "zod";

export const groupingMethodSchema = z.enum(["fingerprint", "ai", "new"]);

export const projectDetailSchema = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  platform: z.string(),
  /** Null for viewers: the key lets its holder send events. */
  dsn: z.string().nullable(),
  groupingModel: z.string(),
  skipFallback: z.boolean(),
  issueCount: z.number().int(),
  eventCount: z.number().int(),
});

/** How an issue came to exist: its first event's path through the pipeline. */
export const issueCreationSchema = z.object({
  /**
   * "fingerprint" when the event was not sent to the AI step, "ai_no_match" when the AI found nothing close, "split"
   * when a person unmerged the issue's hashes from another issue.
   */
  kind: z.enum(["fingerprint", "ai_no_match", "split", "unknown"]),
  detail: z.string(),
});

export const issueSummarySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  culprit: z.string().nullable(),
  eventCount: z.number().int(),
  aiMergedEvents: z.number().int(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  creation: issueCreationSchema,
});

export const projectIssuesResponseSchema = z.object({
  project: projectDetailSchema,
  issues: z.array(issueSummarySchema),
});

const componentSchema: z.ZodType<GroupingComponentView> = z
  .lazy(() =>
    z.object({
      id: z.string(),
      name: z.string().optional(),
      contributes: z.boolean(),
      hint: z.string().nullable(),
      values: z.array(z.union([z.string(), componentSchema])),
    }),
  )
  .meta({ id: "GroupingComponent", description: "A node of a grouping variant's component tree (recursive)." });

export interface GroupingComponentView {
  id: string;
  name?: string;
  contributes: boolean;
  hint: string | null;
  values: (string | GroupingComponentView)[];
}

export const aiDecisionSchema = z.object({
  modelRequested: z.string(),
  modelUsed: z.string(),
  fallback: z.boolean(),
  parentHash: z.string().nullable(),
  distance: z.number().nullable(),
  threshold: z.number(),
  shouldGroup: z.boolean(),
  shadow: z
    .object({
      model: z.string(),
      parentHash: z.string().nullable(),
      distance: z.number().nullable(),
      shouldGroup: z.boolean(),
    })
    .nullable(),
});

export const whyGroupedSchema = z.object({
  method: groupingMethodSchema,
  /** The hash of this event that was already known (fingerprint grouping). */
  matchedHash: z.string().nullable(),
  variants: z.array(
    z.object({
      name: z.string(),
      hash: z.string().nullable(),
      type: z.string(),
      component: componentSchema,
      values: z.array(z.string()).optional(),
    }),
  ),
  decision: aiDecisionSchema.nullable(),
  ineligibleReason: z.string().nullable(),
  embeddingText: z.string().nullable(),
});

export const issueEventSchema = z.object({
  id: z.number().int(),
  eventId: z.string(),
  receivedAt: z.string(),
  groupingMethod: groupingMethodSchema,
  title: z.string(),
  release: z.string().nullable(),
  /** What was trimmed from the event when it arrived (limits of engine/event/limits.ts), one line each. */
  trimmed: z.array(z.string()),
  whyGrouped: whyGroupedSchema,
});

export const issueDetailResponseSchema = z.object({
  issue: issueSummarySchema.extend({ projectId: z.number().int(), projectName: z.string() }),
  hashes: z.array(
    z.object({
      hash: z.string(),
      modelRequested: z.string().nullable(),
      modelUsed: z.string().nullable(),
      matchedHash: z.string().nullable(),
      matchDistance: z.number().nullable(),
      latestTrainingModel: z.string().nullable(),
      sentAt: z.string().nullable(),
    }),
  ),
  events: z.array(issueEventSchema),
});

export type ProjectDetail = z.infer<typeof projectDetailSchema>;
export type IssueSummary = z.infer<typeof issueSummarySchema>;
export type ProjectIssuesResponse = z.infer<typeof projectIssuesResponseSchema>;
export type WhyGrouped = z.infer<typeof whyGroupedSchema>;
export type AiDecision = z.infer<typeof aiDecisionSchema>;
export type IssueEvent = z.infer<typeof issueEventSchema>;
export type IssueDetailResponse = z.infer<typeof issueDetailResponseSchema>;
