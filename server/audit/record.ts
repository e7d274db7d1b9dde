import "server-only";
import type { Prisma, Transaction } from "../db/client";
import type { SessionUser } from "../auth/session";

export interface AuditInput {
  /** The signed-in user who acted, or "system" for the server itself (start-up, jobs, guardrails). */
  actor: SessionUser | "system";
  /** What was done, as `<resource>.<verb>`: "user.create", "user.role_change", "flag.set"… */
  action: string;
  target: { type: string; id: string | number; label: string };
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

const json = (value: unknown) => (value === undefined || value === null ? undefined : (value as Prisma.InputJsonValue));

/** Writes one audit entry inside the caller's transaction, so the change and its record land together or not at all. */
export async function recordAudit(tx: Transaction, input: AuditInput): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actorId: input.actor === "system" ? null : input.actor.id,
      actor: input.actor === "system" ? "system" : input.actor.email,
      action: input.action,
      targetType: input.target.type,
      targetId: String(input.target.id),
      target: input.target.label,
      before: json(input.before),
      after: json(input.after),
      reason: input.reason?.trim() || null,
    },
  });
}
