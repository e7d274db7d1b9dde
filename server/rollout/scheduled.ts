import "server-only";
import { flagChangeSchema, type FlagChange, type ScheduledChange } from "@/lib/contracts/rollout";
import { recordAudit } from "../audit/record";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import type { Transaction } from "../db/client";
import { ConflictError, NotFoundError, ValidationError } from "../http/errors";
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
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
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
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
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
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
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

/** Applies one due change, or returns null when none is due. */
async function applyOne(now: Date): Promise<number | null> {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const [due] = await tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM scheduled_changes WHERE status = 'pending' AND run_at <= ${now}
       ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`;
    if (!due) return null;
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

/** Applies every pending change whose time has come; one that cannot be applied is marked failed with why. */
export async function applyDueScheduledChanges(now = new Date()): Promise<number[]> {
  const applied: number[] = [];
  for (;;) {
    try {
      const id = await applyOne(now);
      if (id === null) return applied;
      applied.push(id);
    } catch (error) {
      const prisma = await db();
      const [due] = await prisma.$queryRaw<{ id: number }[]>`
        SELECT id FROM scheduled_changes WHERE status = 'pending' AND run_at <= ${now} ORDER BY run_at, id LIMIT 1`;
      if (!due) return applied;
      logger.error("scheduled change failed", { id: due.id, error });
      await prisma.scheduledChange.update({
        where: { id: due.id },
        data: { status: "failed", error: (error as Error).message },
      });
    }
  }
}
