import "server-only";
import { db } from "../../db";
import type { Transaction } from "../../db/client";
import { ValidationError } from "../../http/errors";
import { lockHashes } from "../../ingest/group-placement";

/**
 * Merging and unmerging hold the (project, hash) write locks of every hash of the issues they change: the locks ingest
 * takes before it places an event (server/ingest/group-placement.ts).
 *
 * Why that is enough: an event can only reach an issue through one of its hashes (a known hash of the event, or the
 * hash the AI step matched), and ingest locks that hash before it reads where it points. With every hash of the issues
 * locked, no event joins them, and no hash is added to them, until this transaction commits; an ingest waiting on a
 * lock then reads where the hash points now. The locks are taken in one statement in ingest's global order (sorted
 * keys), so the two never deadlock. The hashes are read before the locks are held, so an event that was placed
 * meanwhile may have added one, or another merge may have taken an issue away: then the transaction starts again (the
 * rollback releases its locks) and reads them anew.
 */
export class IssuesChanged extends Error {
  constructor() {
    super("the issues changed while their hash locks were being taken; try again");
  }
}

const ATTEMPTS = 5;
/**
 * The most hashes one merge or unmerge locks. Advisory locks live in PostgreSQL's shared lock table (about
 * max_locks_per_transaction × max_connections slots for every session together), so one transaction must not take
 * thousands.
 */
export const MAX_LOCKED_HASHES = 2_000;
// Long enough to wait for the ingest transactions that hold a lock, and to move a large issue's events.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 120_000 } as const;

/** The hashes of these issues, in a stable order. */
export async function hashesOf(tx: Transaction, groupIds: number[]): Promise<string[]> {
  const rows = await tx.groupHash.findMany({
    where: { groupId: { in: groupIds } },
    select: { hash: true },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => row.hash);
}

/**
 * Takes the hash locks of these issues. Throws IssuesChanged when, by the time the locks were held, they had gained a
 * hash or one of them was gone (merged by someone else meanwhile): the transaction must start again.
 */
export async function lockIssues(tx: Transaction, projectId: number, groupIds: number[]): Promise<void> {
  const before = await hashesOf(tx, groupIds);
  if (before.length > MAX_LOCKED_HASHES) {
    throw new ValidationError(
      `These issues have ${before.length} hashes; a merge or unmerge can change issues of at most ${MAX_LOCKED_HASHES} hashes together.`,
    );
  }
  await lockHashes(tx, projectId, before);
  const locked = new Set(before);
  const gainedHash = (await hashesOf(tx, groupIds)).some((hash) => !locked.has(hash));
  const left = await tx.group.count({ where: { id: { in: groupIds } } });
  if (gainedHash || left !== groupIds.length) throw new IssuesChanged();
}

/** Runs `work` in one transaction, again from the start when lockIssues found the issues changed (a few times). */
export async function issueTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
  const prisma = await db();
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await prisma.$transaction(work, TRANSACTION_OPTIONS);
    } catch (error) {
      if (!(error instanceof IssuesChanged) || attempt >= ATTEMPTS) throw error;
    }
  }
}
