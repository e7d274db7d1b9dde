import "server-only";
import { cosineDistance } from "@/engine/math/cosine";
import { Prisma, type Transaction } from "../db/client";
import { parseVector, vectorColumn, vectorParam } from "../db/vectors";
import type { GroupingModel } from "./models";

/** SQL over grouping_records (the AI grouping index). */

export interface Neighbour {
  hash: string;
  distance: number;
}

export interface SearchOptions {
  projectId: number;
  model: GroupingModel;
  vector: number[];
  excludeHash: string;
  radius: number;
  limit: number;
  /**
   * Only records this model has no vector for: the stable model's fallback looks only at issues the next model
   * cannot see yet (indexed before the project moved, not backfilled), never overruling what the next model judged.
   */
  unseenBy?: GroupingModel;
  /** Only records stored before this time (a preview asking what a past call would have found). */
  storedBefore?: Date;
}

/** The SQL conditions of SearchOptions.unseenBy and storedBefore (nothing when unset). */
function unseenCondition(options: SearchOptions): Prisma.Sql {
  const unseen = options.unseenBy ? Prisma.sql`AND ${vectorColumn(options.unseenBy.column)} IS NULL` : Prisma.empty;
  return options.storedBefore ? Prisma.sql`${unseen} AND created_at < ${options.storedBefore}` : unseen;
}

/**
 * The kNN every search runs: the `limit` nearest records of the project by the model's column (its own hash and the
 * unseen conditions left out), then those within `radius`, as rows `hash, distance` and the `extra` columns.
 *
 * The radius is applied to the `limit` nearest, not inside the index scan: the strict-order scan yields records
 * nearest first, so the records within the radius are a prefix of them and the answer is the same, but a radius
 * inside the scan made a search that has no record within it walk the whole index (every new trace of a project).
 * The query vector is bound once: `ORDER BY distance` names the select list's expression, which the HNSW index serves.
 */
export function nearestRecordsSql(options: SearchOptions, extra: Prisma.Sql = Prisma.empty): Prisma.Sql {
  const column = vectorColumn(options.model.column);
  const query = vectorParam(options.vector, options.model.dimension);
  return Prisma.sql`
    SELECT * FROM (
      SELECT hash, (${column} <=> ${query}::vector) AS distance ${extra}
        FROM grouping_records
       WHERE project_id = ${options.projectId}
         AND ${column} IS NOT NULL
         ${unseenCondition(options)}
         AND hash <> ${options.excludeHash}
       ORDER BY distance
       LIMIT ${options.limit}) nearest
     WHERE distance <= ${options.radius}`;
}

/**
 * The nearest records of one project by the model's column, within the radius, nearest first, under the session's
 * HNSW settings (db/index-scan-settings.ts: ef_search = 100, and iterative scans so that the filters — project, own
 * hash — cannot starve the result).
 */
export async function searchNeighbours(tx: Transaction, options: SearchOptions): Promise<Neighbour[]> {
  const rows = await tx.$queryRaw<
    { hash: string; distance: number }[]
  >`${nearestRecordsSql(options)} ORDER BY distance`;
  return rows.map((row) => ({ hash: row.hash, distance: Number(row.distance) }));
}

/** The vector a model stored for a hash of a project, or null when it has none. */
export async function storedVector(
  tx: Transaction,
  projectId: number,
  hash: string,
  model: GroupingModel,
): Promise<number[] | null> {
  const column = vectorColumn(model.column);
  const [row] = await tx.$queryRaw<{ embedding: string | null }[]>`
    SELECT ${column}::text AS embedding FROM grouping_records WHERE project_id = ${projectId} AND hash = ${hash}`;
  return row?.embedding ? parseVector(row.embedding) : null;
}

/**
 * Approximate candidates from the index (the nearest `candidates` within `candidateRadius`), re-scored exactly in
 * double precision, then cut at the radius.
 */
export async function searchWithReranking(
  tx: Transaction,
  options: SearchOptions & { candidates: number; candidateRadius: number },
): Promise<Neighbour[]> {
  const candidates = { ...options, limit: options.candidates, radius: options.candidateRadius };
  const embedding = Prisma.sql`, ${vectorColumn(options.model.column)}::text AS embedding`;
  const rows = await tx.$queryRaw<{ hash: string; embedding: string }[]>`${nearestRecordsSql(candidates, embedding)}`;
  return rows
    .map((row) => ({ hash: row.hash, distance: cosineDistance(options.vector, parseVector(row.embedding)) }))
    .filter((neighbour) => neighbour.distance <= options.radius)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, options.limit);
}

export interface NewRecord {
  projectId: number;
  hash: string;
  groupId?: number | null;
  exceptionType?: string | null;
  /** The embeddings to store, by model. */
  vectors: { model: GroupingModel; vector: number[] }[];
}

function columnsAndValues(record: NewRecord) {
  const columns = record.vectors.map(({ model }) => vectorColumn(model.column));
  const values = record.vectors.map(({ model, vector }) => Prisma.sql`${vectorParam(vector, model.dimension)}::vector`);
  return { columns, values };
}

/** Inserts a record; a (project_id, hash) that exists already is left as it is. Returns whether it inserted. */
export async function insertRecord(tx: Transaction, record: NewRecord): Promise<boolean> {
  const { columns, values } = columnsAndValues(record);
  const inserted = await tx.$executeRaw`
    INSERT INTO grouping_records (project_id, hash, group_id, exception_type, ${Prisma.join(columns)})
    VALUES (${record.projectId}, ${record.hash}, ${record.groupId ?? null}, ${record.exceptionType ?? null}, ${Prisma.join(values)})
    ON CONFLICT (project_id, hash) DO NOTHING`;
  return inserted > 0;
}

/** Stores (or replaces) the given models' embeddings of a hash, creating its record when missing (training mode). */
export async function upsertEmbeddings(tx: Transaction, record: NewRecord): Promise<void> {
  const { columns, values } = columnsAndValues(record);
  const updates = record.vectors.map(({ model }) => {
    const column = vectorColumn(model.column);
    return Prisma.sql`${column} = EXCLUDED.${column}`;
  });
  await tx.$executeRaw`
    INSERT INTO grouping_records (project_id, hash, group_id, exception_type, ${Prisma.join(columns)})
    VALUES (${record.projectId}, ${record.hash}, ${record.groupId ?? null}, ${record.exceptionType ?? null}, ${Prisma.join(values)})
    ON CONFLICT (project_id, hash) DO UPDATE SET ${Prisma.join(updates)},
      exception_type = COALESCE(grouping_records.exception_type, EXCLUDED.exception_type)`;
}

export async function deleteProjectRecords(tx: Transaction, projectId: number): Promise<number> {
  return tx.$executeRaw`DELETE FROM grouping_records WHERE project_id = ${projectId}`;
}

export async function deleteRecordsByHash(tx: Transaction, projectId: number, hashes: string[]): Promise<number> {
  return tx.$executeRaw`DELETE FROM grouping_records WHERE project_id = ${projectId} AND hash = ANY(${hashes})`;
}
