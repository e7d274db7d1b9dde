import { z } from "zod";

/** The most issues one merge takes (the hash locks of all of them are held while it runs). */
export const MERGE_MAX_ISSUES = 50;
/** The most hashes one unmerge moves. */
export const UNMERGE_MAX_HASHES = 200;

const issueId = z.number().int().positive().max(2_147_483_647);
const distinct = <T>(values: T[]) => new Set(values).size === values.length;

/** A fingerprint hash as stored (32 hex digits for Sentry's and regroup's own, but callers of the grouping API send theirs). */
export const groupHashSchema = z.string().trim().min(1).max(256);

/** Merge issues of one project into one of them: the others' hashes and events move to it, and they are gone. */
export const mergeIssuesRequestSchema = z
  .strictObject({
    issueIds: z
      .array(issueId)
      .min(2, "pick at least two issues to merge")
      .max(MERGE_MAX_ISSUES, `at most ${MERGE_MAX_ISSUES} issues at once`)
      .refine(distinct, "name each issue once"),
    /** The issue the others are merged into: one of issueIds; its id, title and links stay. */
    into: issueId,
  })
  .refine((request) => request.issueIds.includes(request.into), {
    path: ["into"],
    message: "must be one of issueIds: the issue the others are merged into",
  });

/** Move some hashes of an issue (and the events whose primary hash they are) to a new issue. */
export const unmergeIssueRequestSchema = z.strictObject({
  issueId,
  hashes: z
    .array(groupHashSchema)
    .min(1, "pick at least one hash to unmerge")
    .max(UNMERGE_MAX_HASHES, `at most ${UNMERGE_MAX_HASHES} hashes at once`)
    .refine(distinct, "name each hash once"),
});

export const issueRefSchema = z.object({ id: z.number().int(), projectId: z.number().int(), title: z.string() });

/** A label the merge or unmerge recorded in the acting user's name, on the pair it stands for. */
export const manualLabelSchema = z.object({
  pairId: z.number().int(),
  verdict: z.enum(["GROUP", "SEPARATE"]),
  /** The AI merge this label says was wrong (an unmerged AI-merged hash), if any. */
  decisionId: z.number().int().nullable(),
});

export const mergeIssuesResponseSchema = z.object({
  /** The issue the others were merged into. */
  issue: issueRefSchema,
  /** The ids of the issues merged into it: they lead to it from now on. */
  merged: z.array(z.number().int()),
  movedHashes: z.number().int(),
  movedEvents: z.number().int(),
  labels: z.array(manualLabelSchema),
});

export const unmergeIssueResponseSchema = z.object({
  /** The new issue that took the hashes. */
  issue: issueRefSchema,
  /** The issue they were taken from. */
  from: issueRefSchema,
  movedHashes: z.number().int(),
  movedEvents: z.number().int(),
  labels: z.array(manualLabelSchema),
  /** AI merges this unmerge undid: each is now a known overgrouping. */
  knownOvergroupings: z.number().int(),
});

/** How a hash came into its issue: by the event that brought it in (the earliest event carrying it). */
export const hashOriginSchema = z.enum([
  /** The event started an issue (no fingerprint known, the AI step found nothing or was not asked). */
  "new",
  /** The event joined by another of its hashes that was already known. */
  "fingerprint",
  /** The AI step merged the event into the issue of a similar hash. */
  "ai_merge",
  /** No stored event carries it. */
  "unknown",
]);

export const sampleFrameSchema = z.object({
  function: z.string().nullable(),
  /** Module, else file name. */
  location: z.string().nullable(),
  lineno: z.number().nullable(),
  /** The source line, when the SDK sent it. */
  contextLine: z.string().nullable(),
  inApp: z.boolean(),
});

export const issueHashSchema = z.object({
  hash: z.string(),
  /** The hash the issue was created with (its earliest). */
  primary: z.boolean(),
  /** Events of the issue whose primary hash this is: they go with it when it is unmerged. */
  events: z.number().int(),
  origin: hashOriginSchema,
  /** The AI step's decision that brought the hash in, when it was an AI merge. */
  ai: z
    .object({
      modelRequested: z.string().nullable(),
      modelUsed: z.string().nullable(),
      matchedHash: z.string(),
      distance: z.number().nullable(),
      /** When a person unmerged this merge (a known overgrouping), and who. */
      unmergedAt: z.string().nullable(),
      unmergedBy: z.string().nullable(),
    })
    .nullable(),
  /** The latest event of the hash: the one an unmerge is judged by. */
  sample: z
    .object({
      id: z.number().int(),
      eventId: z.string(),
      title: z.string(),
      culprit: z.string().nullable(),
      receivedAt: z.string(),
      /** The innermost frames, crash first. */
      topFrames: z.array(sampleFrameSchema),
    })
    .nullable(),
});

/** The largest number of hashes the issue page lists. */
export const ISSUE_HASHES_LIMIT = 500;

export const issueHashesResponseSchema = z.object({
  issueId: z.number().int(),
  projectId: z.number().int(),
  /** The issue this one was split off by an unmerge, if it was. */
  splitFromId: z.number().int().nullable(),
  hashes: z.array(issueHashSchema),
  /** More hashes than ISSUE_HASHES_LIMIT: the rest are not listed. */
  truncated: z.boolean(),
});

export type MergeIssuesRequest = z.infer<typeof mergeIssuesRequestSchema>;
export type MergeIssuesResponse = z.infer<typeof mergeIssuesResponseSchema>;
export type UnmergeIssueRequest = z.infer<typeof unmergeIssueRequestSchema>;
export type UnmergeIssueResponse = z.infer<typeof unmergeIssueResponseSchema>;
export type ManualLabel = z.infer<typeof manualLabelSchema>;
export type IssueRef = z.infer<typeof issueRefSchema>;
export type HashOrigin = z.infer<typeof hashOriginSchema>;
export type IssueHash = z.infer<typeof issueHashSchema>;
export type IssueHashesResponse = z.infer<typeof issueHashesResponseSchema>;
