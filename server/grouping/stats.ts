import "server-only";
import type { GroupingStatsResponse } from "@/lib/contracts/grouping";
import { db } from "../db";
import { Prisma } from "../db/client";
import { vectorColumn } from "../db/vectors";

/**
 * How big the AI grouping index is, for the given projects (record counts, per model column: v1 and v2, and any a
 * model registered from the console added) and in all (bytes).
 */
export async function groupingIndexStats(projectIds?: number[]): Promise<GroupingStatsResponse> {
  const prisma = await db();
  const filter = projectIds?.length ? projectIds : null;
  const columns = (
    await prisma.$queryRaw<{ column_name: string }[]>`
      SELECT column_name FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = 'grouping_records' AND udt_name = 'vector'
       ORDER BY column_name`
  ).map((row) => row.column_name);
  const perColumn = columns.map(
    (column) => Prisma.sql`, count(${vectorColumn(column)})::int AS ${vectorColumn(column)}`,
  );
  const [counts] = await prisma.$queryRaw<({ records: number } & Record<string, number>)[]>`
    SELECT count(*)::int AS records ${perColumn.length ? Prisma.join(perColumn, " ") : Prisma.empty}
      FROM grouping_records
     WHERE ${filter}::int[] IS NULL OR project_id = ANY(${filter}::int[])`;
  const [all] = await prisma.$queryRaw<{ records: number; bytes: bigint }[]>`
    SELECT (SELECT count(*)::int FROM grouping_records) AS records,
           (SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint
              FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
             WHERE i.inhparent = 'grouping_records'::regclass) AS bytes`;
  const totalBytes = Number(all!.bytes);
  return {
    records: counts!.records,
    byModel: Object.fromEntries(columns.map((column) => [column, counts![column] ?? 0])),
    totalBytes,
    bytesPerRecord: all!.records ? totalBytes / all!.records : 0,
  };
}
