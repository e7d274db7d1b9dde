import "server-only";
import { db } from "../db";

/**
 * Project ids of the Seer API are the caller's (Sentry's project ids, 64-bit); regroup's projects have 32-bit ids.
 * An id that fits is regroup's project id as it is (so regroup's own ingest and a Sentry with small ids share one
 * id space, as before); a project whose caller id does not fit, or whose id was already taken, gets the next free
 * regroup id and remembers the caller's in `projects.external_id`.
 */
const MAX_PROJECT_ID = 2_147_483_647;

// Caller id → regroup id, for the projects this process has resolved (the mapping never changes once made).
const resolved = new Map<number, number>();

async function lookup(callerId: number): Promise<number | null> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<{ id: number }[]>`
    SELECT id FROM projects
     WHERE external_id = ${callerId}::bigint
        OR (external_id IS NULL AND id::bigint = ${callerId}::bigint)
     ORDER BY external_id IS NULL
     LIMIT 1`;
  return rows[0]?.id ?? null;
}

async function register(callerId: number): Promise<void> {
  const prisma = await db();
  if (callerId <= MAX_PROJECT_ID) {
    const inserted = await prisma.$executeRaw`
      INSERT INTO projects (id, slug, name, platform)
      VALUES (${callerId}, ${`project-${callerId}`}, ${`Project ${callerId}`}, 'other')
      ON CONFLICT DO NOTHING`;
    if (inserted > 0) return;
  }
  await prisma.$executeRaw`
    INSERT INTO projects (id, slug, name, platform, external_id)
    SELECT COALESCE(MAX(id), 0) + 1, ${`sentry-${callerId}`}, ${`Sentry project ${callerId}`}, 'other',
           ${callerId}::bigint
      FROM projects
    ON CONFLICT DO NOTHING`;
}

/**
 * regroup's project id for a caller's project id; with `register`, a project is created on first use, otherwise
 * an unknown id gives null (nothing is stored for it).
 */
export async function projectIdOf(callerId: number, options: { register: boolean }): Promise<number | null> {
  const known = resolved.get(callerId);
  if (known !== undefined) return known;
  let id = await lookup(callerId);
  // Concurrent first calls may race for the same free id: each attempt either registers or finds the winner's row.
  for (let attempt = 0; id === null && options.register && attempt < 5; attempt += 1) {
    await register(callerId);
    id = await lookup(callerId);
  }
  if (id !== null) resolved.set(callerId, id);
  return id;
}

/** Like projectIdOf with registration, for the calls that store records; never null. */
export async function registeredProjectId(callerId: number): Promise<number> {
  const id = await projectIdOf(callerId, { register: true });
  if (id === null) throw new Error(`could not register a project for caller project id ${callerId}`);
  return id;
}
