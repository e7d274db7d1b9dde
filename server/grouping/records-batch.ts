import "server-only";
import { cosineDistance } from "@/engine/math/cosine";
import { Prisma, type Transaction } from "../db/client";
import { projectKey } from "../projects/project-key";
import { parseVector, vectorColumn, vectorParam } from "../db/vectors";
import { nearestRecordsSql, type NewRecord, type Neighbour, type SearchOptions } from "./records";

/**
 * The SQL of records.ts for many requests at once: the kNN lookups of concurrent requests in one statement (a
 * UNION ALL of one kNN subquery per query vector), and their new records in one multi-row insert. Each
 * request keeps its own project, excluded hash, radius, limit and model, so its answer is the one it would get alone.
 */

export interface BatchSearch extends SearchOptions {
  /** Re-score these candidates exactly (searchWithReranking): how many, and within which index distance. */
  rerank?: { candidates: number; candidateRadius: number };
}

interface Row {
  idx: number;
  hash: string;
  distance: number;
  embedding: string | null;
}

/**
 * One search's kNN (records.ts's nearestRecordsSql) as a subquery of the batch. The query vector is a bound value, not
 * a column of a LATERAL row: PostgreSQL orders an index scan only by an operator whose other side holds no column
 * reference, so a LATERAL kNN over a list of vectors cannot use the HNSW index (measured: a sort of the whole
 * partition per vector instead).
 */
function searchBlock(search: BatchSearch, idx: number): Prisma.Sql {
  const column = vectorColumn(search.model.column);
  const options = search.rerank
    ? { ...search, limit: search.rerank.candidates, radius: search.rerank.candidateRadius }
    : search;
  const embedding = search.rerank ? Prisma.sql`${column}::text` : Prisma.sql`NULL::text`;
  return Prisma.sql`(${nearestRecordsSql(options, Prisma.sql`, ${idx}::int AS idx, ${embedding} AS embedding`)})`;
}

/**
 * The neighbours of every search, in the order given, with one SELECT under the session's HNSW settings, as
 * searchNeighbours (ef_search = 100, strict-order iterative scans).
 */
export async function searchNeighboursBatch(tx: Transaction, searches: BatchSearch[]): Promise<Neighbour[][]> {
  const results: Neighbour[][] = searches.map(() => []);
  const blocks = searches.flatMap((search, idx) => (search.limit > 0 ? [searchBlock(search, idx)] : []));
  if (blocks.length === 0) return results;
  const rows = await tx.$queryRaw<Row[]>`${Prisma.join(blocks, " UNION ALL ")}`;
  const found = new Map<number, Row[]>();
  for (const row of rows) {
    const list = found.get(row.idx) ?? [];
    list.push(row);
    found.set(row.idx, list);
  }
  for (const [idx, list] of found) {
    const search = searches[idx]!;
    if (!search.rerank) {
      // Each subquery returns its rows in its ORDER BY; the UNION ALL does not promise to keep it, so sort again.
      results[idx] = list
        .map((row) => ({ hash: row.hash, distance: Number(row.distance) }))
        .sort((a, b) => a.distance - b.distance);
      continue;
    }
    results[idx] = list
      .map((row) => ({ hash: row.hash, distance: cosineDistance(search.vector, parseVector(row.embedding!)) }))
      .filter((neighbour) => neighbour.distance <= search.radius)
      .sort((a, b) => a.distance - b.distance)
      .slice(0, search.limit);
  }
  return results;
}

/** The index of the first record of each (project, hash) in the list, in order: the ones that may be inserted. */
export function firstOfEachKey(records: NewRecord[]): number[] {
  const firsts = new Map<string, number>();
  records.forEach((record, index) => {
    const key = projectKey(record.projectId, record.hash);
    if (!firsts.has(key)) firsts.set(key, index);
  });
  return [...firsts.values()];
}

/** `(columns) VALUES …` of grouping_records for the records, with a column for each model any of them has a vector of. */
export function recordRowsSql(records: NewRecord[]): Prisma.Sql {
  const columns = [...new Set(records.flatMap((record) => record.vectors.map(({ model }) => model.column)))].sort();
  const rows = records.map((record) => {
    const values = columns.map((column) => {
      const entry = record.vectors.find(({ model }) => model.column === column);
      return entry ? Prisma.sql`${vectorParam(entry.vector, entry.model.dimension)}::vector` : Prisma.sql`NULL`;
    });
    return Prisma.sql`(${record.projectId}::int, ${record.hash}, ${record.groupId ?? null}::bigint,
      ${record.exceptionType ?? null}::text, ${Prisma.join(values)})`;
  });
  return Prisma.sql`(project_id, hash, group_id, exception_type, ${Prisma.join(columns.map(vectorColumn))})
    VALUES ${Prisma.join(rows)}`;
}

/**
 * Inserts the records with one statement; a (project_id, hash) that exists already, or that an earlier record of
 * the list has, is left as it is (the first one wins, as when they arrive one by one). Returns, per record, whether
 * it was the one inserted.
 */
export async function insertRecordsBatch(tx: Transaction, records: NewRecord[]): Promise<boolean[]> {
  const firsts = firstOfEachKey(records);
  if (firsts.length === 0) return [];
  const inserted = await tx.$queryRaw<{ project_id: number; hash: string }[]>`
    INSERT INTO grouping_records ${recordRowsSql(firsts.map((index) => records[index]!))}
    ON CONFLICT (project_id, hash) DO NOTHING
    RETURNING project_id, hash`;
  const insertedKeys = new Set(inserted.map((row) => projectKey(row.project_id, row.hash)));
  const first = new Set(firsts);
  return records.map(
    (record, index) => first.has(index) && insertedKeys.has(projectKey(record.projectId, record.hash)),
  );
}

/**
 * Stores (or replaces) the given models' vectors of many hashes, creating the records that are missing, as
 * upsertEmbeddings does for one: one statement per set of models. A hash given twice keeps its last vectors.
 */
export async function upsertEmbeddingsBatch(tx: Transaction, records: NewRecord[]): Promise<void> {
  const bySet = new Map<string, Map<string, NewRecord>>();
  for (const record of records) {
    const set = record.vectors
      .map(({ model }) => model.column)
      .sort()
      .join(",");
    const group = bySet.get(set) ?? new Map<string, NewRecord>();
    group.set(projectKey(record.projectId, record.hash), record);
    bySet.set(set, group);
  }
  for (const group of bySet.values()) {
    const list = [...group.values()];
    const columns = list[0]!.vectors.map(({ model }) => model.column).sort();
    const updates = columns.map((column) => Prisma.sql`${vectorColumn(column)} = EXCLUDED.${vectorColumn(column)}`);
    await tx.$executeRaw`
      INSERT INTO grouping_records ${recordRowsSql(list)}
      ON CONFLICT (project_id, hash) DO UPDATE SET ${Prisma.join(updates)},
        exception_type = COALESCE(grouping_records.exception_type, EXCLUDED.exception_type)`;
  }
}
