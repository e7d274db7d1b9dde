import "server-only";
import { z } from "zod";
import { flagChangeSchema, type FlagChange, type ScheduledChange } from "@/lib/contracts/rollout";
import { recordAudit } from "../audit/record";
import type { SessionUser } from "../auth/session";
import { inTransaction } from "../db";
import type { Transaction } from "../db/client";
import { ConflictError, NotFoundError, ValidationError } from "../http/errors";
import { isTransientDatabaseError } from "../db/transient-errors";
import { logger } from "../logger";
import { applyChange, lockProjects, writeProjectFlags, type Actor } from "./flags";

/** Flag changes for a set of projects at a later time: created, listed, cancelled while pending, applied when due. */

type Row = Awaited<ReturnType<Transaction["scheduledChange"]["findUniqueOrThrow"]>>;

async function toView(tx: Transaction, row: Row): Promise<ScheduledChange> {
  const projects = await tx.project.findMany({
    where: { id: { in: row.projectIds } },
    select: { id: true, name: true },
  });
  return {
    id: row.id,
    projectIds: row.projectIds,
    projectNames: row.projectIds.map((id) => projects.find((p) => p.id === id)?.name ?? `project ${id}`),
    change: flagChangeSchema.parse(row.change),
    reason: row.reason,
    runAt: row.runAt.toISOString(),
    status: row.status,
    createdBy: row.createdBy,
    appliedAt: row.appliedAt?.toISOString() ?? null,
    error: row.error,
  };
}

/** Schedules a change, audited as "scheduled_change.create". */
export async function scheduleChange(
  user: SessionUser,
  input: { projectIds: number[]; change: FlagChange; reason: string; runAt: Date },
): Promise<ScheduledChange> {
  if (input.projectIds.length === 0) throw new ValidationError("The change names no project.");
  return inTransaction(async (tx) => {
    const names = await lockProjects(tx, input.projectIds);
    const row = await tx.scheduledChange.create({
      data: {
        projectIds: [...names.keys()],
        change: { ...input.change },
        reason: input.reason,
        runAt: input.runAt,
        createdBy: user.email,
        createdById: user.id,
      },
    });
    await recordAudit(tx, {
      actor: user,
      action: "scheduled_change.create",
      target: {
        type: "scheduled_change",
        id: row.id,
        label: `Scheduled change #${row.id} (${[...names.values()].join(", ")})`,
      },
      after: { change: input.change, runAt: input.runAt.toISOString(), projectIds: row.projectIds },
      reason: input.reason,
    });
    return toView(tx, row);
  });
}

/** Pending changes first (soonest first), then the latest 50 others. */
export async function listScheduledChanges(): Promise<ScheduledChange[]> {
  return inTransaction(async (tx) => {
    const pending = await tx.scheduledChange.findMany({
      where: { status: "pending" },
      orderBy: [{ runAt: "asc" }, { id: "asc" }],
    });
    const others = await tx.scheduledChange.findMany({
      where: { status: { not: "pending" } },
      orderBy: { id: "desc" },
      take: 50,
    });
    return Promise.all([...pending, ...others].map((row) => toView(tx, row)));
  });
}

/** Cancels a pending change (audited); a change already applied or cancelled cannot be. */
export async function cancelScheduledChange(user: SessionUser, id: number): Promise<ScheduledChange> {
  return inTransaction(async (tx) => {
    // The row lock makes cancel and apply exclusive: whichever comes second sees the other's status.
    const [locked] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM scheduled_changes WHERE id = ${id} FOR UPDATE`;
    if (!locked) throw new NotFoundError(`There is no scheduled change #${id}.`);
    const row = await tx.scheduledChange.findUniqueOrThrow({ where: { id } });
    if (row.status !== "pending")
      throw new ConflictError(`Scheduled change #${id} is ${row.status}; only a pending change can be cancelled.`);
    const cancelled = await tx.scheduledChange.update({ where: { id }, data: { status: "cancelled" } });
    await recordAudit(tx, {
      actor: user,
      action: "scheduled_change.cancel",
      target: { type: "scheduled_change", id, label: `Scheduled change #${id}` },
      before: { status: "pending" },
      after: { status: "cancelled" },
      reason: `cancelled before ${row.runAt.toISOString()}`,
    });
    return toView(tx, cancelled);
  });
}

async function actorOf(tx: Transaction, row: Row): Promise<Actor> {
  if (row.createdById === null) return "system";
  const user = await tx.user.findUnique({ where: { id: row.createdById } });
  return user ? { id: user.id, email: user.email, name: user.name, role: user.role } : "system";
}

/**
 * How long a change that failed with a transient error (see isTransientDatabaseError) waits before each retry; after
 * the last one it is marked failed. Any other error marks it failed at once: it would fail the same way again.
 */
export const SCHEDULED_RETRY_DELAYS_MS = [10_000, 60_000, 300_000];

/** Applies one due change and returns its id, or null when none is due; `claimed` learns the id before the work. */
async function applyOne(now: Date, claimed: (id: number) => void): Promise<number | null> {
  return inTransaction(async (tx) => {
    const [due] = await tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM scheduled_changes
       WHERE status = 'pending' AND run_at <= ${now} AND (next_attempt_at IS NULL OR next_attempt_at <= ${now})
       ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`;
    if (!due) return null;
    claimed(due.id);
    const row = await tx.scheduledChange.findUniqueOrThrow({ where: { id: due.id } });
    const change = flagChangeSchema.parse(row.change);
    await writeProjectFlags(tx, {
      actor: await actorOf(tx, row),
      action: "flag.set",
      reason: `Scheduled change #${row.id}: ${row.reason}`,
      targets: row.projectIds.map((projectId) => ({ projectId, after: (before) => applyChange(before, change) })),
    });
    await tx.scheduledChange.update({ where: { id: row.id }, data: { status: "applied", appliedAt: new Date() } });
    return row.id;
  });
}

/** One line saying why: the database's own message, a validation's issues, or the error's last line (Prisma's). */
function reasonOf(error: unknown): string {
  const original = (error as { meta?: { driverAdapterError?: { cause?: { originalMessage?: unknown } } } } | null)?.meta
    ?.driverAdapterError?.cause?.originalMessage;
  if (typeof original === "string") return original;
  if (error instanceof z.ZodError)
    return error.issues.map((issue) => `${issue.path.join(".") || "change"}: ${issue.message}`).join("; ");
  const lines = (error instanceof Error ? error.message : String(error)).split("\n").map((line) => line.trim());
  return lines.filter(Boolean).at(-1) ?? "unknown error";
}

/** Records that change `id` failed: a later retry for a transient error while tries are left, else failed for good. */
async function recordFailure(id: number, error: unknown, now: Date): Promise<void> {
  const message = reasonOf(error);
  await inTransaction(async (tx) => {
    // Locked, and only while still pending: a change cancelled or applied meanwhile keeps that status.
    const [row] = await tx.$queryRaw<{ attempts: number }[]>`
      SELECT attempts FROM scheduled_changes WHERE id = ${id} AND status = 'pending' FOR UPDATE`;
    if (!row) return;
    const attempts = row.attempts + 1;
    const delay = isTransientDatabaseError(error) ? SCHEDULED_RETRY_DELAYS_MS[attempts - 1] : undefined;
    if (delay !== undefined) {
      const retryAt = new Date(now.getTime() + delay);
      logger.warn("scheduled change failed; it will be retried", { id, attempts, retryAt, error });
      await tx.scheduledChange.update({
        where: { id },
        data: {
          attempts,
          nextAttemptAt: retryAt,
          error: `Try ${attempts} failed (${message}); retrying at ${retryAt.toISOString()}.`,
        },
      });
      return;
    }
    logger.error("scheduled change failed", { id, attempts, error });
    const why = isTransientDatabaseError(error)
      ? `Failed ${attempts} times with a transient error; gave up. Last: ${message}`
      : message;
    await tx.scheduledChange.update({ where: { id }, data: { status: "failed", attempts, error: why } });
  });
}

/**
 * Applies every pending change whose time (and retry time) has come. One that cannot be applied is marked: retried
 * later for a transient error, a bounded number of times, else failed with why. The row marked is the row that
 * failed (the id claimed), never another pending one.
 */
export async function applyDueScheduledChanges(now = new Date()): Promise<number[]> {
  const applied: number[] = [];
  for (;;) {
    let claimed: number | null = null;
    try {
      const id = await applyOne(now, (id) => (claimed = id));
      if (id === null) return applied;
      applied.push(id);
    } catch (error) {
      // Nothing was claimed: the database itself failed, and the runner tries again at its next tick.
      if (claimed === null) throw error;
      await recordFailure(claimed, error, now);
    }
  }
}
