import "server-only";
import { createHash } from "node:crypto";
import { getDatabase } from "../db";
import type { Prisma, Transaction } from "../db/client";

/**
 * Where an event goes, decided inside its write transaction: the issue of a known hash, the issue of the hash the AI
 * step matched, or a new issue — race-free on PostgreSQL with any number of connections at READ COMMITTED.
 *
 * Why it is race-free: before it reads group_hashes, the transaction takes a transaction-scoped advisory lock per
 * (project, hash) of the event (and of the AI's matched hash), in one global order (sorted keys), so two writers of a
 * common hash run this step one after the other and never deadlock. The second one's read is a new statement, so
 * under READ COMMITTED it sees everything the first committed, and PostgreSQL releases transaction locks only after
 * the commit is visible: the second finds the hash the first inserted and joins its issue instead of creating
 * another. The locks are held until commit, so the read, the group insert and the group_hashes insert are one step
 * for every writer of those hashes. Nothing slow (the AI step) runs under them. Readers take no lock. (On the embedded
 * database, whose one session runs one transaction at a time, there is nothing to lock: hashLocksCanWait.)
 */

/**
 * Whether the hash locks can ever make a writer wait: on PostgreSQL. On the embedded database every statement, from
 * any connection, runs in its one session, where an advisory lock never waits (a session may take again what it
 * holds), and a transaction holds that session to itself until it ends: there the locks would protect nothing, and
 * cost a statement in every write transaction, with the session held while the server's thread sends the next one.
 */
async function hashLocksCanWait(): Promise<boolean> {
  return (await getDatabase()).driver.kind === "postgres";
}

/** The advisory lock key of a hash within its project: 32 bits of its SHA-256 (a collision only serialises more). */
export function hashLockKey(hash: string): number {
  return createHash("sha256").update(hash).digest().readInt32BE(0);
}

/**
 * Takes the (project, hash) write locks for these hashes, in sorted key order, until the transaction ends. The
 * two-integer advisory lock space (project id, hash key) is separate from the one-bigint space migrations lock in.
 */
export async function lockHashes(tx: Transaction, projectId: number, hashes: string[]): Promise<void> {
  if (!(await hashLocksCanWait())) return;
  const keys = [...new Set(hashes.map(hashLockKey))].sort((a, b) => a - b);
  // One statement: unnest returns the array in its order, so the locks are still taken in sorted key order.
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(${projectId}::int4, key)::text FROM unnest(${keys}::int4[]) AS key`;
}

/**
 * Takes the write locks of many (project, hash) pairs at once, in the one global order (project, then key) that every
 * writer of several projects' hashes follows, so that no two such writers deadlock. Taking a lock this transaction
 * already holds again is allowed (advisory locks are reentrant), so lockHashes may follow it for any subset.
 */
export async function lockProjectHashes(tx: Transaction, pairs: { projectId: number; hash: string }[]): Promise<void> {
  if (!(await hashLocksCanWait())) return;
  const locks = [
    ...new Map(
      pairs.map(({ projectId, hash }) => {
        const key = hashLockKey(hash);
        return [`${projectId}\u0000${key}`, { projectId, key }] as const;
      }),
    ).values(),
  ].sort((a, b) => a.projectId - b.projectId || a.key - b.key);
  if (!locks.length) return;
  await tx.$queryRaw`
    SELECT pg_advisory_xact_lock(lock.project_id, lock.key)::text
      FROM unnest(${locks.map((lock) => lock.projectId)}::int4[], ${locks.map((lock) => lock.key)}::int4[])
           AS lock(project_id, key)`;
}

/** What a batch adds to existing issues: events seen, and the latest time one was seen. */
export type GroupBumps = Map<number, { count: number; lastSeen: Date }>;

/** Adds an event seen at `seenAt` to an issue's bump. */
export function addBump(bumps: GroupBumps, groupId: number, seenAt: Date): void {
  const bump = bumps.get(groupId) ?? { count: 0, lastSeen: seenAt };
  bump.count += 1;
  if (seenAt > bump.lastSeen) bump.lastSeen = seenAt;
  bumps.set(groupId, bump);
}

async function groupHashRows(tx: Transaction, projectId: number, hashes: string[]) {
  return tx.groupHash.findMany({ where: { projectId, hash: { in: hashes } } });
}

type GroupHashRow = Awaited<ReturnType<typeof groupHashRows>>[number];

function firstKnown(rows: GroupHashRow[], hashes: string[]): GroupHashRow | null {
  return hashes.map((hash) => rows.find((row) => row.hash === hash)).find((row) => row !== undefined) ?? null;
}

/** The group hash row of the first of these hashes that is known (the primary variant wins), or null. */
export async function knownGroupHash(tx: Transaction, projectId: number, hashes: string[]) {
  return firstKnown(await groupHashRows(tx, projectId, hashes), hashes);
}

export interface PlacementInput {
  projectId: number;
  /** The event's hashes, primary first. */
  hashes: string[];
  /** The hash whose issue the AI step says the event belongs to, if any. */
  aiMatchHash: string | null;
  /** The new issue's fields, when the event starts one. */
  newGroup: { title: string; culprit: string | null; seenAt: Date };
  /** The audit of the AI call, stored on the primary hash when this event brings it in. */
  primaryAudit?: Omit<Prisma.GroupHashCreateManyInput, "projectId" | "hash" | "groupId">;
}

export interface Placement {
  groupId: number;
  method: "fingerprint" | "ai" | "new";
  /** The known hash row that decided the group (method "fingerprint"). */
  known: GroupHashRow | null;
}

/**
 * Finds or creates the event's issue and points every hash of the event at it (a hash already known keeps its
 * issue). Call it inside the event's write transaction; it takes the hash locks itself (see the note above).
 */
export async function placeEventInGroup(tx: Transaction, input: PlacementInput): Promise<Placement> {
  const { projectId, hashes, aiMatchHash } = input;
  await lockHashes(tx, projectId, aiMatchHash ? [...hashes, aiMatchHash] : hashes);

  const rows = await groupHashRows(tx, projectId, hashes);
  const known = firstKnown(rows, hashes);
  const parent =
    !known && aiMatchHash
      ? await tx.groupHash.findUnique({ where: { projectId_hash: { projectId, hash: aiMatchHash } } })
      : null;
  const method: Placement["method"] = known ? "fingerprint" : parent ? "ai" : "new";
  const seenAt = input.newGroup.seenAt;

  let groupId: number;
  const joined = known ?? parent;
  if (joined) {
    groupId = joined.groupId;
    // One statement instead of a read and a write: last_seen only moves forward.
    await tx.$executeRaw`
      UPDATE groups SET times_seen = times_seen + 1, last_seen = GREATEST(last_seen, ${seenAt}::timestamptz)
       WHERE id = ${groupId}`;
  } else {
    const group = await tx.group.create({
      data: {
        projectId,
        title: input.newGroup.title,
        culprit: input.newGroup.culprit,
        firstSeen: seenAt,
        lastSeen: seenAt,
        timesSeen: 1,
      },
    });
    groupId = group.id;
  }

  const primary = hashes[0];
  // Under the locks no other writer can insert these hashes: the ones not read above are the ones to insert.
  const missing = hashes.filter((hash) => !rows.some((row) => row.hash === hash));
  if (missing.length > 0) {
    await tx.groupHash.createMany({
      data: missing.map((hash) => ({ projectId, hash, groupId, ...(hash === primary ? input.primaryAudit : {}) })),
      skipDuplicates: true,
    });
  }
  return { groupId, method, known };
}
