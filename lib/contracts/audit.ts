import { z } from "zod";

export const auditEntrySchema = z.object({
  id: z.number().int(),
  actor: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  target: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
});

export const auditQuerySchema = z.object({
  actor: z.string().trim().max(200).optional(),
  target: z.string().trim().max(200).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const auditListResponseSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** Pass as `before` to get the next (older) page; null on the last page. */
  nextBefore: z.number().int().nullable(),
});

export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditQuery = z.infer<typeof auditQuerySchema>;
export type AuditListResponse = z.infer<typeof auditListResponseSchema>;
