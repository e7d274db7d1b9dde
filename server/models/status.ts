import "server-only";
import type { ModelStatusChange } from "@/lib/contracts/models";
import { recordAudit } from "../audit/record";
import type { SessionUser } from "../auth/session";
import { inTransaction } from "../db";
import type { Prisma, Transaction } from "../db/client";
import { ConflictError, NotFoundError } from "../http/errors";
import { modelRegistry, type ModelEntry } from "../inference";
import type { ModelStatus } from "../inference/registry";
import { dropModelIndexSql, indexExists, runDdl, type DdlStatement } from "./ddl";
import { syncModelVersions } from "./versions";

/**
 * An admin's changes to a model's life (audited, applied by every replica through model_versions):
 * - promote a next model to stable: projects without a model flag move to it, and it is the fallback of every other
 *   model; the former stable model stays served as "next" (projects that name it keep it) until it is retired;
 * - retire a next model: no call may use it and none of its vectors is written any more (refused while a project is
 *   flipped to it: move those projects first);
 * - bring a retired model back as next (its column kept every vector it had; refused once its index was dropped);
 * - drop a retired model's HNSW index (the DDL recorded like the one that created it).
 */

function requireModel(version: string): ModelEntry {
  const entry = modelRegistry.get(version);
  if (!entry) throw new NotFoundError(`There is no model ${version}.`);
  return entry;
}

async function recordedDdl(tx: Transaction, version: string): Promise<DdlStatement[]> {
  const row = await tx.modelVersion.findUnique({ where: { version }, select: { ddl: true } });
  return (row?.ddl as unknown as DdlStatement[] | undefined) ?? [];
}

/** Writes a model's status (a model of MODELS_DIR gets its row on its first change). */
async function writeStatus(tx: Transaction, entry: ModelEntry, status: ModelStatus): Promise<void> {
  await tx.modelVersion.upsert({
    where: { version: entry.version },
    create: { version: entry.version, status, columnName: entry.column, dimension: entry.dimensionStored },
    update: { status },
  });
}

/** The projects whose grouping_model flag names the model. */
async function projectsOn(tx: Transaction, version: string): Promise<string[]> {
  const rows = await tx.featureFlag.findMany({
    where: { key: "grouping_model", value: { equals: version } },
    select: { project: { select: { slug: true } } },
    orderBy: { projectId: "asc" },
  });
  return rows.map((row) => row.project.slug);
}

export async function changeModelStatus(
  version: string,
  change: ModelStatusChange,
  actor: SessionUser,
): Promise<{ version: string; status: ModelStatus }> {
  const entry = requireModel(version);
  const to = change.status;
  if (entry.status === to) throw new ConflictError(`Model ${version} is ${to} already.`);
  await inTransaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('regroup:model_versions'))`;
    const changed: { version: string; from: ModelStatus; to: ModelStatus }[] = [{ version, from: entry.status, to }];
    if (to === "stable") {
      if (entry.status !== "next")
        throw new ConflictError(
          `Only a next model can be promoted; ${version} is ${entry.status}. Bring it back first.`,
        );
      const stable = modelRegistry.stable();
      if (stable) {
        await writeStatus(tx, stable, "next");
        changed.push({ version: stable.version, from: "stable", to: "next" });
      }
    } else if (to === "retired") {
      if (entry.status === "stable")
        throw new ConflictError(`${version} is the stable model; promote another model before retiring it.`);
      const projects = await projectsOn(tx, version);
      if (projects.length)
        throw new ConflictError(
          `${projects.length} project(s) are on ${version} (${projects.slice(0, 10).join(", ")}${projects.length > 10 ? "…" : ""}); move them to another model before retiring it.`,
        );
    } else if (!(await indexExists(tx, entry.column))) {
      throw new ConflictError(`${version}'s index was dropped; it cannot serve again.`);
    }
    await writeStatus(tx, entry, to);
    await recordAudit(tx, {
      actor,
      action: "model.status_change",
      target: { type: "model", id: version, label: `model ${version}` },
      before: Object.fromEntries(changed.map((c) => [c.version, c.from])),
      after: Object.fromEntries(changed.map((c) => [c.version, c.to])),
      reason: change.reason,
    });
  });
  await syncModelVersions();
  return { version, status: to };
}

export async function dropModelIndex(
  version: string,
  actor: SessionUser,
  reason: string,
): Promise<{ column: string; ddl: string[] }> {
  const entry = requireModel(version);
  if (entry.status !== "retired")
    throw new ConflictError(`${version} is ${entry.status}; only a retired model's index can be dropped.`);
  const statements = dropModelIndexSql(entry.column);
  await inTransaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('regroup:model_versions'))`;
    if (!(await indexExists(tx, entry.column))) throw new ConflictError(`${version}'s index was dropped already.`);
    const ran = await runDdl(tx, statements);
    await writeStatus(tx, entry, "retired");
    await tx.modelVersion.update({
      where: { version },
      data: {
        indexDroppedAt: new Date(),
        ddl: [...(await recordedDdl(tx, version)), ...ran] as unknown as Prisma.InputJsonValue,
      },
    });
    await recordAudit(tx, {
      actor,
      action: "model.drop_index",
      target: { type: "model", id: version, label: `model ${version}` },
      after: { ddl: statements },
      reason,
    });
  });
  await syncModelVersions();
  return { column: entry.column, ddl: statements };
}
