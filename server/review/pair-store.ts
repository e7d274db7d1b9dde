import "server-only";
import type { Transaction } from "../db/client";
import type { ReviewSource } from "@/lib/contracts/review";
import { projectKey } from "../projects/project-key";

export interface NewPair {
  eventIds: [number, number];
  source: ReviewSource;
  model?: string | null;
  samplingWeight?: number;
  mergeSampleProbability?: number | null;
  decisionId?: number | null;
  createdBy?: string;
  /** The pair's distances under v1 and v2, stored when the pair is created (near-threshold pairs know them). */
  distances?: { v1: number | null; v2: number | null };
}

/** Pairs are unordered: stored with the smaller event id first, so A–B and B–A are one row. */
export function orderedPair([a, b]: [number, number]): { eventAId: number; eventBId: number } {
  return a < b ? { eventAId: a, eventBId: b } : { eventAId: b, eventBId: a };
}

/** Inserts a pair unless it exists (any source); returns its id and whether it was created. */
export async function insertPair(tx: Transaction, pair: NewPair): Promise<{ id: number; created: boolean }> {
  const key = orderedPair(pair.eventIds);
  if (key.eventAId === key.eventBId) throw new Error("a pair needs two different events");
  const existing = await tx.reviewPair.findUnique({ where: { eventAId_eventBId: key }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  const first = await tx.event.findUniqueOrThrow({
    where: { id: key.eventAId },
    select: { projectId: true, platform: true },
  });
  const row = await tx.reviewPair.create({
    data: {
      ...key,
      projectId: first.projectId,
      platform: first.platform,
      source: pair.source,
      model: pair.model ?? null,
      samplingWeight: pair.samplingWeight ?? 1,
      mergeSampleProbability: pair.mergeSampleProbability ?? null,
      decisionId: pair.decisionId ?? null,
      createdBy: pair.createdBy ?? "system",
    },
    select: { id: true },
  });
  return { id: row.id, created: true };
}

/**
 * insertPair for many pairs with one statement: a pair that exists (any source), or that comes again in the list, is
 * left as it is. Returns how many were created.
 */
export async function insertPairs(client: Pick<Transaction, "$queryRaw">, pairs: readonly NewPair[]): Promise<number> {
  const unique = new Map<string, NewPair & { key: { eventAId: number; eventBId: number } }>();
  for (const pair of pairs) {
    const key = orderedPair(pair.eventIds);
    if (key.eventAId === key.eventBId) throw new Error("a pair needs two different events");
    const name = `${key.eventAId}-${key.eventBId}`;
    if (!unique.has(name)) unique.set(name, { ...pair, key });
  }
  const rows = [...unique.values()];
  if (rows.length === 0) return 0;
  const inserted = await client.$queryRaw<{ id: number }[]>`
    INSERT INTO review_pairs (event_a_id, event_b_id, project_id, platform, source, model, sampling_weight,
                              merge_sample_probability, decision_id, created_by, v1_distance, v2_distance)
    SELECT w.a, w.b, e.project_id, e.platform, w.source::review_source, w.model, w.weight, w.probability,
           w.decision_id, w.created_by, w.v1, w.v2
      FROM unnest(${rows.map((r) => r.key.eventAId)}::int[], ${rows.map((r) => r.key.eventBId)}::int[],
                  ${rows.map((r) => r.source)}::text[], ${rows.map((r) => r.model ?? null)}::text[],
                  ${rows.map((r) => r.samplingWeight ?? 1)}::float8[],
                  ${rows.map((r) => r.mergeSampleProbability ?? null)}::float8[],
                  ${rows.map((r) => r.decisionId ?? null)}::int[], ${rows.map((r) => r.createdBy ?? "system")}::text[],
                  ${rows.map((r) => r.distances?.v1 ?? null)}::float8[],
                  ${rows.map((r) => r.distances?.v2 ?? null)}::float8[])
           WITH ORDINALITY AS w(a, b, source, model, weight, probability, decision_id, created_by, v1, v2, n)
      JOIN events e ON e.id = w.a
     ORDER BY w.n
    ON CONFLICT (event_a_id, event_b_id) DO NOTHING
    RETURNING id`;
  return inserted.length;
}

/** The event that brought a hash into the project (its earliest), standing for the issue a decision matched. */
export async function eventOfHash(tx: Transaction, projectId: number, hash: string): Promise<number | null> {
  return (await eventsOfHashes(tx, [{ projectId, hash }])).get(projectKey(projectId, hash)) ?? null;
}

/**
 * eventOfHash for many (project, hash) pairs with one statement: per pair, the earliest event carrying the hash, keyed
 * by projectKey(projectId, hash); pairs no stored event carries are absent.
 */
export async function eventsOfHashes(
  client: Pick<Transaction, "$queryRaw">,
  wanted: readonly { projectId: number; hash: string }[],
): Promise<Map<string, number>> {
  const unique = [...new Map(wanted.map((item) => [projectKey(item.projectId, item.hash), item])).values()];
  if (unique.length === 0) return new Map();
  const rows = await client.$queryRaw<{ projectId: number; hash: string; id: number }[]>`
    SELECT DISTINCT ON (w.project_id, w.hash) w.project_id AS "projectId", w.hash, e.id
      FROM unnest(${unique.map((item) => item.projectId)}::int[], ${unique.map((item) => item.hash)}::text[])
           AS w(project_id, hash)
      JOIN events e ON e.project_id = w.project_id AND e.hashes @> ARRAY[w.hash]
     ORDER BY w.project_id, w.hash, e.received_at ASC, e.id ASC`;
  return new Map(rows.map((row) => [projectKey(row.projectId, row.hash), row.id]));
}
