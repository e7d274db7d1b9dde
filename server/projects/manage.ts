import "server-only";
import type { Project, UpdateProjectRequest } from "@/lib/contracts/projects";
import { recordAudit } from "../audit/record";
import type { SessionUser } from "../auth/session";
import { db, inTransaction } from "../db";
import type { Transaction } from "../db/client";
import { NotFoundError } from "../http/errors";
import { forgetIngestProject } from "../ingest/project-cache";
import { readProject, type ProjectViewOptions } from "./project-view";

async function lockProject(tx: Transaction, projectId: number) {
  const [row] = await tx.$queryRaw<{ name: string; public_key: string }[]>`
    SELECT name, public_key FROM projects WHERE id = ${projectId} FOR UPDATE`;
  if (!row) throw new NotFoundError(`There is no project with id ${projectId}.`);
  return row;
}

/** A project as the console shows it. */
export async function getProject(projectId: number, view: ProjectViewOptions): Promise<Project> {
  return readProject(await db(), projectId, view);
}

/** Renames a project (its slug, and so its DSN, stay); audited. */
export async function renameProject(
  actor: SessionUser,
  projectId: number,
  patch: UpdateProjectRequest,
  view: ProjectViewOptions,
): Promise<Project> {
  return inTransaction(async (tx) => {
    const before = await lockProject(tx, projectId);
    await tx.project.update({ where: { id: projectId }, data: { name: patch.name } });
    if (before.name !== patch.name) {
      await recordAudit(tx, {
        actor,
        action: "project.rename",
        target: { type: "project", id: projectId, label: patch.name },
        before: { name: before.name },
        after: { name: patch.name },
      });
    }
    return readProject(tx, projectId, view);
  });
}

/**
 * Gives a project a new DSN public key: from then on the old key is refused (401), here at once, on other replicas
 * within the ingest cache's TTL. Audited without either key (the audit log is readable by viewers).
 */
export async function rotateProjectKey(
  actor: SessionUser,
  projectId: number,
  view: ProjectViewOptions,
): Promise<Project> {
  const { project, oldKey } = await inTransaction(async (tx) => {
    const before = await lockProject(tx, projectId);
    await tx.$executeRaw`
      UPDATE projects SET public_key = replace(gen_random_uuid()::text, '-', '') WHERE id = ${projectId}`;
    await recordAudit(tx, {
      actor,
      action: "project.key_rotate",
      target: { type: "project", id: projectId, label: before.name },
    });
    return { project: await readProject(tx, projectId, view), oldKey: before.public_key };
  });
  await forgetIngestProject(projectId, oldKey);
  return project;
}
