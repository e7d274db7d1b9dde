import "server-only";
import { db } from "../db";
import { cacheOf } from "../ingest/ingest-cache";

/**
 * Project ids of the Seer API are the caller's (Sentry's project ids, 64-bit); regroup's projects have 32-bit ids.
 * A caller's project is one the grouping API registered for it (`projects.registered_by_grouping_api`), never a
 * project made in the console or by the demo: those are kept apart, so a Sentry's records never mix with them. An id
 * that fits and is free becomes the registered project's id as it is; a caller id that does not fit, or whose id is
 * already taken, gets the next free regroup id and is remembered in `projects.external_id`.
 */
const MAX_PROJECT_ID = 2_147_483_647;

// Caller id → regroup id, for the projects this process has resolved. Cached for a few seconds only (ingest-cache's
// TTL): a project can be deleted, here (forgetCallerProject) or by another replica.
async function resolvedIds() {
  return cacheOf<number, number | null>(await db(), "caller-project-ids");
}

async function lookup(callerId: number): Promise<number | null> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<{ id: number }[]>`
    SELECT id FROM projects
     WHERE external_id = ${callerId}::bigint
        OR (external_id IS NULL AND registered_by_grouping_api AND id::bigint = ${callerId}::bigint)
     ORDER BY external_id IS NULL
     LIMIT 1`;
  return rows[0]?.id ?? null;
}

async function register(callerId: number): Promise<void> {
  const prisma = await db();
  if (callerId <= MAX_PROJECT_ID) {
    const inserted = await prisma.$executeRaw`
      INSERT INTO projects (id, slug, name, platform, registered_by_grouping_api)
      VALUES (${callerId}, ${`project-${callerId}`}, ${`Project ${callerId}`}, 'other', true)
      ON CONFLICT DO NOTHING`;
    if (inserted > 0) return;
  }
  await prisma.$executeRaw`
    INSERT INTO projects (id, slug, name, platform, external_id, registered_by_grouping_api)
    SELECT COALESCE(MAX(id), 0) + 1, ${`sentry-${callerId}`}, ${`Sentry project ${callerId}`}, 'other',
           ${callerId}::bigint, true
      FROM projects
    ON CONFLICT DO NOTHING`;
}

/**
 * regroup's project id for a caller's project id; with `register`, a project is created on first use, otherwise
 * an unknown id gives null (nothing is stored for it).
 */
export async function projectIdOf(callerId: number, options: { register: boolean }): Promise<number | null> {
  const cache = await resolvedIds();
  return cache.get(
    callerId,
    async () => {
      let id = await lookup(callerId);
      // Concurrent first calls may race for the same free id: each attempt either registers or finds the winner's row.
      for (let attempt = 0; id === null && options.register && attempt < 5; attempt += 1) {
        await register(callerId);
        id = await lookup(callerId);
      }
      return id;
    },
    (id) => id !== null,
  );
}

/** Like projectIdOf with registration, for the calls that store records; never null. */
export async function registeredProjectId(callerId: number): Promise<number> {
  const id = await projectIdOf(callerId, { register: true });
  if (id === null) throw new Error(`could not register a project for caller project id ${callerId}`);
  return id;
}

/** Forgets the caller id of a deleted project, so that the caller's next call registers a new one. */
export async function forgetCallerProject(callerId: number): Promise<void> {
  (await resolvedIds()).invalidate(callerId);
}
