import "server-only";
import {
  projectFlagsSchema,
  revertibleAuditActions,
  type RevertResponse,
  type SetFlagsRequest,
  type SetFlagsResponse,
} from "@/lib/contracts/rollout";
import type { SessionUser } from "../auth/session";
import { inTransaction } from "../db";
import { ConflictError, NotFoundError, ValidationError } from "../http/errors";
import { applyChange, writeProjectFlags } from "./flags";

/**
 * Sets the flags of the given projects in one transaction, one audit entry ("flag.set") per project changed; returns
 * the projects that changed (none where they already had these flags).
 */
export async function changeFlags(user: SessionUser, request: SetFlagsRequest) {
  return inTransaction((tx) =>
    writeProjectFlags(tx, {
      actor: user,
      action: "flag.set",
      reason: request.reason,
      targets: request.projectIds.map((projectId) => ({
        projectId,
        after: (before) => applyChange(before, request.change),
      })),
    }),
  );
}

/** `changeFlags`, refused (409) when no project changed. */
export async function setFlags(user: SessionUser, request: SetFlagsRequest): Promise<SetFlagsResponse> {
  const written = await changeFlags(user, request);
  if (written.length === 0) {
    throw new ConflictError("Nothing changed: the projects already have these flags.");
  }
  return { projects: written.map(({ projectId, auditId, after }) => ({ projectId, auditId, after })) };
}

/**
 * Re-applies the `before` of a flag audit entry to its project, audited as "flag.revert" naming the entry.
 * Refused when the entry is not a flag change or when the project already has those flags.
 */
export async function revertAuditEntry(user: SessionUser, auditId: number, note?: string): Promise<RevertResponse> {
  return inTransaction(async (tx) => {
    const entry = await tx.auditEntry.findUnique({ where: { id: auditId } });
    if (!entry) throw new NotFoundError(`There is no audit entry #${auditId}.`);
    if (!(revertibleAuditActions as readonly string[]).includes(entry.action) || entry.targetType !== "project") {
      throw new ValidationError(
        `Audit entry #${auditId} (${entry.action}) is not a flag change; only flag changes can be reverted.`,
      );
    }
    const before = projectFlagsSchema.safeParse(entry.before);
    if (!before.success) throw new ValidationError(`Audit entry #${auditId} has no flag state to go back to.`);
    const projectId = Number(entry.targetId);
    const reason = `Revert of audit entry #${auditId} (${entry.action} by ${entry.actor})${note ? `: ${note}` : ""}`;
    const [written] = await writeProjectFlags(tx, {
      actor: user,
      action: "flag.revert",
      reason,
      targets: [{ projectId, after: () => before.data }],
    });
    if (!written) throw new ConflictError(`${entry.target} already has the flags of before entry #${auditId}.`);
    return { auditId: written.auditId, projectId, after: written.after };
  });
}
