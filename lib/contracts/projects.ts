import { z } from "zod";

export const projectSummarySchema = z.object({
  id: z.number().int().positive(),
  slug: z.string(),
  name: z.string(),
  platform: z.string(),
  issueCount: z.number().int().nonnegative(),
  eventCount: z.number().int().nonnegative(),
  lastSeen: z.string().nullable(),
});

export const projectListResponseSchema = z.object({
  projects: z.array(projectSummarySchema),
});

export type ProjectSummary = z.infer<typeof projectSummarySchema>;
export type ProjectListResponse = z.infer<typeof projectListResponseSchema>;
