import "server-only";
import { Prisma } from "../db/client";
import type { Transaction } from "../db/client";
import { vectorColumn } from "../db/vectors";

/**
 * The DDL of a model's place in the grouping index — the statements a migration would run for it (the init migration
 * ran them for v1 and v2): a nullable vector column of grouping_records at the stored dimension, its HNSW cosine
 * index with the index's usual settings, and the partial index of the records it has no vector of. Each statement run is recorded on the model's model_versions row.
 */
export interface DdlStatement {
  sql: string;
  ranAt: string;
}

export const indexName = (column: string) => `grouping_records_${column}_idx`;
/** The partial index of the records the model has no vector of (its fallback's search space; see the migration). */
export const unseenIndexName = (column: string) => `grouping_records_${column}_unseen_idx`;

export function addModelColumnSql(column: string, dimension: number): string[] {
  const name = vectorColumn(column).sql;
  if (!Number.isInteger(dimension) || dimension < 1 || dimension > 2000)
    throw new RangeError(`an HNSW index takes 1 to 2000 dimensions, not ${dimension}`);
  return [
    `ALTER TABLE "grouping_records" ADD COLUMN ${name} vector(${dimension})`,
    `CREATE INDEX "${indexName(column)}" ON "grouping_records" USING hnsw (${name} vector_cosine_ops) WITH (m = 8, ef_construction = 64)`,
    `CREATE INDEX "${unseenIndexName(column)}" ON "grouping_records" ("project_id") WHERE ${name} IS NULL`,
  ];
}

export function dropModelIndexSql(column: string): string[] {
  vectorColumn(column);
  return [`DROP INDEX IF EXISTS "${indexName(column)}"`, `DROP INDEX IF EXISTS "${unseenIndexName(column)}"`];
}

/** Runs the statements in the caller's transaction and answers them as recorded. */
export async function runDdl(tx: Transaction, statements: string[]): Promise<DdlStatement[]> {
  const ran: DdlStatement[] = [];
  for (const sql of statements) {
    await tx.$executeRaw(Prisma.raw(sql));
    ran.push({ sql, ranAt: new Date().toISOString() });
  }
  return ran;
}

/** The columns grouping_records has now (a registered model's column must be a new one). */
export async function groupingRecordColumns(tx: Transaction): Promise<Set<string>> {
  const rows = await tx.$queryRaw<{ column_name: string }[]>`
    SELECT column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = 'grouping_records'`;
  return new Set(rows.map((row) => row.column_name));
}

/** Whether the model's HNSW index exists. */
export async function indexExists(tx: Transaction, column: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pg_indexes WHERE schemaname = current_schema() AND indexname = ${indexName(column)}`;
  return (rows[0]?.n ?? 0) > 0;
}
