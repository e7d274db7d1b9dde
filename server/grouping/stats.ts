import "server-only";
import type { GroupingStatsResponse } from "@/lib/contracts/grouping";
import { db } from "../db";

/** How big the AI grouping index is, for the given projects (record counts) and in all (bytes). */
export async function groupingIndexStats(projectIds?: number[]): Promise<GroupingStatsResponse> {
  const prisma = await db();
  const filter = projectIds?.length ? projectIds : null;
  const [counts] = await prisma.$queryRaw<{ records: number; v1: number; v2: number }[]>`
    SELECT count(*)::int AS records, count(v1)::int AS v1, count(v2)::int AS v2
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
    byModel: { v1: counts!.v1, v2: counts!.v2 },
    totalBytes,
    bytesPerRecord: all!.records ? totalBytes / all!.records : 0,
  };
}
