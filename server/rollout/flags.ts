import "server-only";
import type { FlagChange, ProjectFlags } from "@/lib/contracts/rollout";
import { recordAudit, type AuditInput } from "../audit/record";
import type { SessionUser } from "../auth/session";
import type { Transaction } from "../db/client";
import { groupingModels } from "../grouping/default-models";
import { NotFoundError, ValidationError } from "../http/errors";
import { invalidateProjectGroupingFlags, projectGroupingFlags } from "../ingest/flags";

/** Reads and writes the per-project grouping flags, always with an audit entry in the same transaction. */

export type Actor = SessionUser | "system";

export interface FlagWrite {
  projectId: number;
  auditId: number;
  before: ProjectFlags;
  after: ProjectFlags;
}

/** A project's flags in the form the audit log stores them. */
export async function readProjectFlags(tx: Transaction, projectId: number): Promise<ProjectFlags> {
  const flags = await projectGroupingFlags(projectId, tx);
  return { grouping_model: flags.model, skip_fallback: flags.skipFallback };
}

export function applyChange(before: ProjectFlags, change: FlagChange): ProjectFlags {
  return {
    grouping_model: change.groupingModel ?? before.grouping_model,
    skip_fallback: change.skipFallback ?? before.skip_fallback,
  };
}

const sameFlags = (a: ProjectFlags, b: ProjectFlags) =>
  a.grouping_model === b.grouping_model && a.skip_fallback === b.skip_fallback;

/** Locks the projects' rows (in id order, so that two changes cannot deadlock) and returns their names. */
export async function lockProjects(tx: Transaction, projectIds: number[]): Promise<Map<number, string>> {
  const ids = [...new Set(projectIds)].sort((a, b) => a - b);
  const rows = await tx.$queryRaw<{ id: number; name: string }[]>`
    SELECT id, name FROM projects WHERE id = ANY(${ids}) ORDER BY id FOR UPDATE`;
  const names = new Map(rows.map((row) => [row.id, row.name]));
  const missing = ids.filter((id) => !names.has(id));
  if (missing.length) throw new NotFoundError(`There is no project with id ${missing.join(", ")}.`);
  return names;
}

async function writeFlags(tx: Transaction, projectId: number, flags: ProjectFlags): Promise<void> {
  const values: [string, string | boolean][] = [
    ["grouping_model", flags.grouping_model],
    ["skip_fallback", flags.skip_fallback],
  ];
  for (const [key, value] of values) {
    await tx.featureFlag.upsert({
      where: { projectId_key: { projectId, key } },
      create: { projectId, key, value },
      update: { value },
    });
  }
}

/**
 * A project may be flipped to a model that is served (not retired). The shared lock keeps a retirement
 * (server/models/status.ts, which takes it exclusively) from passing while a project is being flipped to the model.
 */
async function requireServedModel(tx: Transaction, version: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(hashtext('regroup:model_versions'))`;
  const model = groupingModels().get(version);
  if (!model || model.status === "retired") {
    const served = groupingModels().stable().version;
    throw new ValidationError(
      model
        ? `Model ${version} is retired; a project can be flipped to a served model (the stable one is ${served}).`
        : `There is no model ${version}; see the Models page for the registered ones.`,
    );
  }
}

export interface FlagWriteInput {
  actor: Actor;
  action: "flag.set" | "flag.revert" | "flag.auto_pause";
  reason: string;
  /** Per project: the flags to end with. */
  targets: { projectId: number; after: (before: ProjectFlags) => ProjectFlags }[];
}

/**
 * Sets the flags of several projects inside the caller's transaction, one audit entry per project that changed
 * (before/after, reason); projects already in the wanted state are left alone and get no entry.
 */
export async function writeProjectFlags(tx: Transaction, input: FlagWriteInput): Promise<FlagWrite[]> {
  const names = await lockProjects(
    tx,
    input.targets.map((target) => target.projectId),
  );
  const written: FlagWrite[] = [];
  for (const target of input.targets) {
    const before = await readProjectFlags(tx, target.projectId);
    const after = target.after(before);
    if (sameFlags(before, after)) continue;
    if (after.grouping_model !== before.grouping_model) await requireServedModel(tx, after.grouping_model);
    await writeFlags(tx, target.projectId, after);
    // Ingest caches the flags; on the embedded database its next read waits for this transaction's commit.
    await invalidateProjectGroupingFlags([target.projectId]);
    const audit: AuditInput = {
      actor: input.actor,
      action: input.action,
      target: { type: "project", id: target.projectId, label: names.get(target.projectId)! },
      before,
      after,
      reason: input.reason,
    };
    await recordAudit(tx, audit);
    const entry = await tx.auditEntry.findFirstOrThrow({
      where: { action: input.action, targetType: "project", targetId: String(target.projectId) },
      orderBy: { id: "desc" },
      select: { id: true },
    });
    written.push({ projectId: target.projectId, auditId: entry.id, before, after });
  }
  return written;
}
