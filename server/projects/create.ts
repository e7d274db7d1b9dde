import "server-only";
import type { CreateProjectRequest, Project } from "@/lib/contracts/projects";
import { firstFreeSlug, slugOfName } from "@/lib/projects/slug";
import { recordAudit } from "../audit/record";
import type { SessionUser } from "../auth/session";
import { inTransaction } from "../db";
import type { Transaction } from "../db/client";
import { ConflictError } from "../http/errors";
import { readProject, type ProjectViewOptions } from "./project-view";

const MAX_PROJECT_ID = 2_147_483_647;

async function takenSlugs(tx: Transaction, base: string): Promise<Set<string>> {
  // The base is [a-z0-9-] only (slugOfName), so it holds no LIKE wildcard.
  const rows = await tx.$queryRaw<{ slug: string }[]>`
    SELECT slug FROM projects WHERE slug = ${base} OR slug LIKE ${`${base}-%`}`;
  return new Set(rows.map((row) => row.slug));
}

/**
 * The id of a new project: the next of the console's sequence (so a deleted project's id is never given again), not
 * below the projects made outside the grouping API, and past any id taken meanwhile (by the demo, or by the grouping
 * API for a caller's id). The sequence is moved to it.
 */
async function nextProjectId(tx: Transaction): Promise<number> {
  const [row] = await tx.$queryRaw<{ id: number | null }[]>`
    WITH start AS (
      SELECT GREATEST(
               nextval('projects_console_id_seq'),
               COALESCE((SELECT MAX(id) FROM projects WHERE NOT registered_by_grouping_api), 0) + 1
             ) AS id
    )
    SELECT setval('projects_console_id_seq', MIN(candidate.id))::int AS id
      FROM (SELECT start.id FROM start
            UNION ALL
            SELECT p.id + 1 FROM projects p, start WHERE p.id >= start.id) AS candidate
     WHERE NOT EXISTS (SELECT 1 FROM projects taken WHERE taken.id = candidate.id)`;
  if (!row?.id || row.id > MAX_PROJECT_ID) throw new ConflictError("There is no free project id left.");
  return row.id;
}

/** Inserts the project with a new id and a free slug; null when a concurrent insert took either, to be tried again. */
async function insertProject(tx: Transaction, input: CreateProjectRequest): Promise<number | null> {
  const base = slugOfName(input.name);
  const slug = firstFreeSlug(base, await takenSlugs(tx, base));
  const id = await nextProjectId(tx);
  const rows = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO projects (id, slug, name, platform)
    VALUES (${id}, ${slug}, ${input.name}, ${input.platform})
    ON CONFLICT DO NOTHING
    RETURNING id`;
  return rows[0]?.id ?? null;
}

/** Creates a project for a platform, with a new DSN key; audited. */
export async function createProject(
  actor: SessionUser,
  input: CreateProjectRequest,
  view: ProjectViewOptions,
): Promise<Project> {
  return inTransaction(async (tx) => {
    let id: number | null = null;
    for (let attempt = 0; id === null && attempt < 5; attempt += 1) id = await insertProject(tx, input);
    if (id === null) throw new ConflictError("Projects are being created at the same moment; try again.");
    const project = await readProject(tx, id, view);
    await recordAudit(tx, {
      actor,
      action: "project.create",
      target: { type: "project", id, label: project.name },
      after: { name: project.name, slug: project.slug, platform: project.platform },
    });
    return project;
  });
}
