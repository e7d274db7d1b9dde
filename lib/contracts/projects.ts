import { z } from "zod";

/**
 * The platforms a project can be created for: each has a Sentry SDK whose setup the console shows
 * (lib/projects/sdk-setup.ts). The value is Sentry's event platform, which ingest falls back to for an event
 * without one.
 */
export const projectPlatforms = ["javascript", "node", "python", "java", "go", "ruby", "php", "csharp"] as const;
export type ProjectPlatform = (typeof projectPlatforms)[number];

/** What a person calls each platform. */
export const projectPlatformNames: Record<ProjectPlatform, string> = {
  javascript: "JavaScript (browser)",
  node: "Node.js",
  python: "Python",
  java: "Java",
  go: "Go",
  ruby: "Ruby",
  php: "PHP",
  csharp: ".NET",
};

export const projectSummarySchema = z.object({
  id: z.number().int().positive(),
  slug: z.string(),
  name: z.string(),
  platform: z.string(),
  issueCount: z.number().int().nonnegative(),
  eventCount: z.number().int().nonnegative(),
  lastSeen: z.string().nullable(),
  /** Created by the grouping API for a caller's (Sentry's) project id, not in the console: listed apart. */
  registeredByGroupingApi: z.boolean(),
  /**
   * The caller's project id of such a project (its id here, or the external id it was mapped from), in decimal: a
   * Sentry's ids are 64-bit. Null for the other projects.
   */
  callerProjectId: z.string().nullable(),
});

export const projectListResponseSchema = z.object({
  projects: z.array(projectSummarySchema),
});

const projectName = z
  .string()
  .trim()
  .min(1, "give the project a name")
  .max(100, "must be at most 100 characters")
  .refine((name) => [...name].every((char) => char >= " " && char !== "\u007f"), "must not contain control characters");

export const createProjectRequestSchema = z.object({
  name: projectName,
  platform: z.enum(projectPlatforms, "choose one of the platforms listed"),
});

export const updateProjectRequestSchema = z.object({ name: projectName });

export const deleteProjectRequestSchema = z.object({
  /** The project's slug, typed by the person deleting it. */
  confirmation: z.string().trim().min(1, "type the project's slug to confirm"),
});

/** One project with its DSN (null for viewers: the key lets its holder send events) and its first issue. */
export const projectSchema = z.object({
  id: z.number().int().positive(),
  slug: z.string(),
  name: z.string(),
  platform: z.string(),
  dsn: z.string().nullable(),
  registeredByGroupingApi: z.boolean(),
  callerProjectId: z.string().nullable(),
  createdAt: z.string(),
  issueCount: z.number().int().nonnegative(),
  eventCount: z.number().int().nonnegative(),
  /** The project's oldest issue, once its first event has arrived; null while it waits for one. */
  firstIssue: z.object({ id: z.number().int(), title: z.string() }).nullable(),
});

export const projectResponseSchema = z.object({ project: projectSchema });

/** How many rows of each kind a deleted project took with it. */
export const deletedProjectSchema = z.object({
  id: z.number().int(),
  events: z.number().int(),
  issues: z.number().int(),
  hashes: z.number().int(),
  groupingRecords: z.number().int(),
  groupingDecisions: z.number().int(),
  reviewPairs: z.number().int(),
  labels: z.number().int(),
  flags: z.number().int(),
  jobs: z.number().int(),
  scheduledChanges: z.number().int(),
});

export const deleteProjectResponseSchema = z.object({ deleted: deletedProjectSchema });

export type ProjectSummary = z.infer<typeof projectSummarySchema>;
export type ProjectListResponse = z.infer<typeof projectListResponseSchema>;
export type CreateProjectRequest = z.infer<typeof createProjectRequestSchema>;
export type UpdateProjectRequest = z.infer<typeof updateProjectRequestSchema>;
export type DeleteProjectRequest = z.infer<typeof deleteProjectRequestSchema>;
export type Project = z.infer<typeof projectSchema>;
export type DeletedProject = z.infer<typeof deletedProjectSchema>;
