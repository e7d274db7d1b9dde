import "server-only";
import type { CreateProjectRequest, Project } from "@/lib/contracts/projects";
import { firstFreeSlug, slugOfName } from "@/lib/projects/slug";
import { recordAudit } from "../audit/record";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
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
 * Inserts the project with the next free id (above every id, the grouping API's included, so that an id is never
 * reused) and a free slug; null when a concurrent insert took either, to be tried again.
 */
async function insertProject(tx: Transaction, input: CreateProjectRequest): Promise<number | null> {
  const base = slugOfName(input.name);
  const slug = firstFreeSlug(base, await takenSlugs(tx, base));
  const [next] = await tx.$queryRaw<{ id: number }[]>`SELECT COALESCE(MAX(id), 0) + 1 AS id FROM projects`;
  if (!next || next.id > MAX_PROJECT_ID) throw new ConflictError("There is no free project id left.");
  const rows = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO projects (id, slug, name, platform)
    VALUES (${next.id}, ${slug}, ${input.name}, ${input.platform})
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
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
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
