import "server-only";
import type { DeletedProject, DeleteProjectRequest } from "@/lib/contracts/projects";
import { recordAudit } from "../audit/record";
import type { SessionUser } from "../auth/session";
import { inTransaction } from "../db";
import type { Transaction } from "../db/client";
import { NotFoundError, ValidationError } from "../http/errors";
import { forgetCallerProject } from "../grouping/project-ids";
import { invalidateProjectGroupingFlags } from "../ingest/flags";
import { forgetIngestProject } from "../ingest/project-cache";
import { callerProjectId } from "./caller-id";

/**
 * Removes every row of a project, children first, and counts them. Most tables would follow the project by their
 * foreign keys' cascades, but grouping_records (hash-partitioned) and grouping_decisions have none, review pairs may
 * reference the project's events from another project's id, and scheduled changes name projects in an array; so each
 * is deleted by name here, and nothing depends on which cascades exist.
 */
async function removeRows(tx: Transaction, projectId: number): Promise<Omit<DeletedProject, "id">> {
  await tx.$executeRaw`
    CREATE TEMPORARY TABLE deleted_project_events ON COMMIT DROP AS
      SELECT id FROM events WHERE project_id = ${projectId}`;
  await tx.$executeRaw`
    CREATE TEMPORARY TABLE deleted_project_pairs ON COMMIT DROP AS
      SELECT id FROM review_pairs
       WHERE project_id = ${projectId}
          OR event_a_id IN (SELECT id FROM deleted_project_events)
          OR event_b_id IN (SELECT id FROM deleted_project_events)`;
  const labels = await tx.$executeRaw`DELETE FROM labels WHERE pair_id IN (SELECT id FROM deleted_project_pairs)`;
  const reviewPairs = await tx.$executeRaw`
    DELETE FROM review_pairs WHERE id IN (SELECT id FROM deleted_project_pairs)`;
  const groupingDecisions = await tx.$executeRaw`
    DELETE FROM grouping_decisions
     WHERE project_id = ${projectId} OR event_id IN (SELECT id FROM deleted_project_events)`;
  const events = await tx.$executeRaw`DELETE FROM events WHERE project_id = ${projectId}`;
  const hashes = await tx.$executeRaw`DELETE FROM group_hashes WHERE project_id = ${projectId}`;
  // The ids of issues merged into the project's issues (they lead to them): gone with them.
  await tx.$executeRaw`
    DELETE FROM group_redirects WHERE group_id IN (SELECT id FROM groups WHERE project_id = ${projectId})`;
  const issues = await tx.$executeRaw`DELETE FROM groups WHERE project_id = ${projectId}`;
  const groupingRecords = await tx.$executeRaw`DELETE FROM grouping_records WHERE project_id = ${projectId}`;
  const flags = await tx.$executeRaw`DELETE FROM feature_flags WHERE project_id = ${projectId}`;
  const jobs = await tx.$executeRaw`DELETE FROM jobs WHERE project_id = ${projectId}`;
  // A scheduled change for several projects goes on for the others; one left with none has nothing to do.
  const scheduledChanges = await tx.$executeRaw`
    UPDATE scheduled_changes SET project_ids = array_remove(project_ids, ${projectId})
     WHERE ${projectId} = ANY(project_ids)`;
  await tx.$executeRaw`DELETE FROM scheduled_changes WHERE cardinality(project_ids) = 0`;
  return {
    events,
    issues,
    hashes,
    groupingRecords,
    groupingDecisions,
    reviewPairs,
    labels,
    flags,
    jobs,
    scheduledChanges,
  };
}

/**
 * Deletes a project and everything of it in one transaction, once the request repeats the project's slug; audited
 * with what it removed. Ingest refuses its key at once, and a grouping-API caller that sends its id again gets a new
 * project.
 */
export async function deleteProject(
  actor: SessionUser,
  projectId: number,
  request: DeleteProjectRequest,
): Promise<DeletedProject> {
  const { deleted, project } = await inTransaction(async (tx) => {
    const [project] = await tx.$queryRaw<
      {
        name: string;
        slug: string;
        platform: string;
        public_key: string;
        external_id: bigint | null;
        registered_by_grouping_api: boolean;
      }[]
    >`
      SELECT name, slug, platform, public_key, external_id, registered_by_grouping_api
        FROM projects WHERE id = ${projectId} FOR UPDATE`;
    if (!project) throw new NotFoundError(`There is no project with id ${projectId}.`);
    if (request.confirmation !== project.slug) {
      throw new ValidationError(`Type the project's slug, "${project.slug}", to delete it.`, [
        { path: ["confirmation"], message: `type "${project.slug}" to confirm` },
      ]);
    }
    const removed = await removeRows(tx, projectId);
    await tx.$executeRaw`DELETE FROM projects WHERE id = ${projectId}`;
    await recordAudit(tx, {
      actor,
      action: "project.delete",
      target: { type: "project", id: projectId, label: project.name },
      before: {
        name: project.name,
        slug: project.slug,
        platform: project.platform,
        registeredByGroupingApi: project.registered_by_grouping_api,
        ...removed,
      },
    });
    return { deleted: { id: projectId, ...removed }, project };
  });
  await forgetIngestProject(projectId, project.public_key);
  await invalidateProjectGroupingFlags([projectId]);
  const callerId = callerProjectId({
    id: projectId,
    externalId: project.external_id,
    registeredByGroupingApi: project.registered_by_grouping_api,
  });
  if (callerId !== null) await forgetCallerProject(Number(callerId));
  return deleted;
}
