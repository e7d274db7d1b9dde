import { z } from "zod";
import type { ValuesInput } from "./endpoint";
import { issueCursorSchema, issueOrderSchema, issueSortSchema } from "./issue-cursor";

export const groupingMethodSchema = z.enum(["fingerprint", "ai", "new"]);

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

/** How an issue came to be, as the stream filters it: see `issueStreamQuerySchema`. */
export const issueCreatedFilterSchema = z.enum(["fingerprint", "new", "ai_merge"]);

/** No control characters (a search is one line of text). */
const oneLine = (text: string) => [...text].every((char) => char >= " " && char !== "\u007f");

/** An instant: an ISO 8601 date-time with its offset, or a date (midnight UTC). */
const instantSchema = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], "an ISO 8601 date-time with an offset, or a date")
  .transform((text) => new Date(text));

/** The largest page of the issue stream. */
export const ISSUE_PAGE_MAX = 100;
/** Counts of matching issues stop here: past it the stream says "at least" rather than count every one. */
export const ISSUE_COUNT_CAP = 10_000;

/**
 * The issue stream of a project: searched, filtered, sorted and paged by a keyset cursor (not an offset), so that every
 * page costs about the same however many issues the project has.
 */
export const issueStreamQuerySchema = z
  .strictObject({
    /** A piece of the title (which begins with the exception type: "TypeError: …") or of the culprit; any case. */
    q: z
      .string()
      .trim()
      .max(200, "a search is at most 200 characters")
      .refine(oneLine, "a search is one line without control characters")
      .meta({ description: "A piece of the title (which begins with the exception type) or of the culprit; any case." })
      .optional(),
    /**
     * How the issue came to be: "fingerprint", a new fingerprint that was not sent to the AI step (not eligible);
     * "new", the AI step found no issue close enough, so it started one; "ai_merge", the AI step merged events into it.
     */
    created: issueCreatedFilterSchema
      .meta({
        description:
          "fingerprint: a new fingerprint not sent to the AI step; new: started when the AI step found no issue " +
          "close enough; ai_merge: the AI step merged events into it.",
      })
      .optional(),
    /** The model whose decision created the issue or merged into it (the one that answered, after any fallback). */
    model: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, "a model version, such as v1")
      .meta({ description: "The model that answered the AI decision that created the issue or merged into it." })
      .optional(),
    /** Issues first seen at or after this instant. */
    firstSeenFrom: instantSchema.meta({ description: "First seen at or after this instant." }).optional(),
    /** Issues first seen before this instant (not at it). */
    firstSeenTo: instantSchema.meta({ description: "First seen before this instant (not at it)." }).optional(),
    /** "events" sorts by the number of events. */
    sort: issueSortSchema.default("last_seen"),
    order: issueOrderSchema.default("desc"),
    limit: z.coerce.number().int().min(1).max(ISSUE_PAGE_MAX).default(50),
    /** `nextCursor` or `prevCursor` of a page of the same sort and order. */
    cursor: issueCursorSchema
      .meta({ description: "The nextCursor or prevCursor of a page of the same sort and order." })
      .optional(),
  })
  .superRefine((query, context) => {
    if (query.firstSeenFrom && query.firstSeenTo && query.firstSeenFrom >= query.firstSeenTo) {
      context.addIssue({ code: "custom", path: ["firstSeenTo"], message: "must be after firstSeenFrom" });
    }
    if (query.cursor && (query.cursor.sort !== query.sort || query.cursor.order !== query.order)) {
      context.addIssue({
        code: "custom",
        path: ["cursor"],
        message: `the cursor belongs to the ${query.cursor.sort} ${query.cursor.order} order, not ${query.sort} ${query.order}: start from the first page`,
      });
    }
  });

export const issueStreamResponseSchema = z.object({
  issues: z.array(issueSummarySchema),
  /** The page after this one; null on the last page. */
  nextCursor: z.string().nullable(),
  /** The page before this one; null on the first page. */
  prevCursor: z.string().nullable(),
  /** The issues that match, whatever the page: counted up to ISSUE_COUNT_CAP (`exact` is false past it). */
  total: z.object({ count: z.number().int().nonnegative(), exact: z.boolean() }),
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

export type IssueSummary = z.infer<typeof issueSummarySchema>;
export type IssueCreatedFilter = z.infer<typeof issueCreatedFilterSchema>;
export type IssueStreamQuery = z.infer<typeof issueStreamQuerySchema>;
/** What a caller passes (the client: numbers as numbers, instants and cursors as text). */
export type IssueStreamQueryInput = ValuesInput<typeof issueStreamQuerySchema>;
export type IssueStreamResponse = z.infer<typeof issueStreamResponseSchema>;
export type WhyGrouped = z.infer<typeof whyGroupedSchema>;
export type AiDecision = z.infer<typeof aiDecisionSchema>;
export type IssueEvent = z.infer<typeof issueEventSchema>;
export type IssueDetailResponse = z.infer<typeof issueDetailResponseSchema>;
