import "server-only";
import type { AuditListResponse, AuditQuery } from "@/lib/contracts/audit";
import { db } from "../db";

/** The audit log, newest first, filtered by actor (email) and target (label or "type:id"), a page at a time. */
export async function listAudit(query: AuditQuery): Promise<AuditListResponse> {
  const prisma = await db();
  const target = query.target;
  const [targetType, targetId] = target?.includes(":") ? target.split(":", 2) : [undefined, undefined];
  const rows = await prisma.auditEntry.findMany({
    where: {
      ...(query.actor ? { actor: { contains: query.actor.toLowerCase() } } : {}),
      ...(target
        ? {
            OR: [
              { target: { contains: target, mode: "insensitive" } },
              ...(targetType ? [{ targetType, targetId }] : []),
            ],
          }
        : {}),
      ...(query.before ? { id: { lt: query.before } } : {}),
    },
    orderBy: { id: "desc" },
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    entries: page.map((row) => ({
      id: row.id,
      actor: row.actor,
      action: row.action,
      targetType: row.targetType,
      targetId: row.targetId,
      target: row.target,
      before: row.before ?? null,
      after: row.after ?? null,
      reason: row.reason,
      createdAt: row.createdAt.toISOString(),
    })),
    nextBefore: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
