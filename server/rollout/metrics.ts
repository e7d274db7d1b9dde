import "server-only";
import type { FallbackDay } from "@/lib/contracts/rollout";
import { Prisma, type PrismaClient, type Transaction } from "../db/client";
import { vectorColumn } from "../db/vectors";
import type { GroupingModel } from "../grouping/models";

/** The SQL behind migration tracking: v2 coverage, training-mode calls, fallback rate, overgrouping sample. */

type Client = PrismaClient | Transaction;

export interface CoverageRow {
  groupHashes: number;
  eligible: number;
  covered: number;
}

export const FALLBACK_WINDOW_DAYS = 7;

/**
 * Per project: group hashes, the eligible ones (some event carrying the hash has an embedding text) and the eligible
 * ones whose grouping record has the next model's embedding.
 */
export async function coverageByProject(
  client: Client,
  next: GroupingModel | undefined,
): Promise<Map<number, CoverageRow>> {
  // Without a next model nothing can be covered.
  const covered = next
    ? Prisma.sql`count(*) FILTER (WHERE el.hash IS NOT NULL AND gr.${vectorColumn(next.column)} IS NOT NULL)::int AS covered`
    : Prisma.sql`0 AS covered`;
  const rows = await client.$queryRaw<
    { project_id: number; group_hashes: number; eligible: number; covered: number }[]
  >`
    WITH eligible AS (
      SELECT DISTINCT e.project_id, h.hash
        FROM events e CROSS JOIN LATERAL unnest(e.hashes) AS h(hash)
       WHERE e.embedding_text IS NOT NULL
    )
    SELECT gh.project_id,
           count(*)::int AS group_hashes,
           count(el.hash)::int AS eligible,
           ${covered}
      FROM group_hashes gh
      LEFT JOIN eligible el ON el.project_id = gh.project_id AND el.hash = gh.hash
      LEFT JOIN grouping_records gr ON gr.project_id = gh.project_id AND gr.hash = gh.hash
     GROUP BY gh.project_id`;
  return new Map(
    rows.map((row) => [
      row.project_id,
      { groupHashes: row.group_hashes, eligible: row.eligible, covered: row.covered },
    ]),
  );
}

/** Training-mode calls recorded per project. */
export async function trainingCallsByProject(client: Client): Promise<Map<number, number>> {
  const rows = await client.$queryRaw<{ project_id: number; calls: number }[]>`
    SELECT project_id, count(*)::int AS calls FROM grouping_decisions WHERE training_mode GROUP BY project_id`;
  return new Map(rows.map((row) => [row.project_id, row.calls]));
}

/** Live lookups that asked for the next model in the last days, and how many the stable model answered. */
export async function fallbackByProject(
  client: Client,
  next: GroupingModel | undefined,
  now = new Date(),
): Promise<Map<number, { lookups: number; fallbacks: number }>> {
  if (!next) return new Map();
  const since = new Date(now.getTime() - FALLBACK_WINDOW_DAYS * 86_400_000);
  const rows = await client.$queryRaw<{ project_id: number; lookups: number; fallbacks: number }[]>`
    SELECT project_id, count(*)::int AS lookups, count(*) FILTER (WHERE model_used <> model_requested)::int AS fallbacks
      FROM grouping_decisions
     WHERE model_requested = ${next.version} AND NOT training_mode AND NOT read_only AND created_at >= ${since}
     GROUP BY project_id`;
  return new Map(rows.map((row) => [row.project_id, { lookups: row.lookups, fallbacks: row.fallbacks }]));
}

/** One project's fallback rate per UTC day, oldest first. */
export async function fallbackByDay(
  client: Client,
  projectId: number,
  next: GroupingModel | undefined,
  days = 30,
): Promise<FallbackDay[]> {
  if (!next) return [];
  const since = new Date(Date.now() - days * 86_400_000);
  const rows = await client.$queryRaw<{ day: Date; lookups: number; fallbacks: number }[]>`
    SELECT date_trunc('day', created_at AT TIME ZONE 'UTC') AS day, count(*)::int AS lookups,
           count(*) FILTER (WHERE model_used <> model_requested)::int AS fallbacks
      FROM grouping_decisions
     WHERE project_id = ${projectId} AND model_requested = ${next.version} AND NOT training_mode AND NOT read_only
       AND created_at >= ${since}
     GROUP BY 1 ORDER BY 1`;
  return rows.map((row) => ({
    day: new Date(row.day).toISOString().slice(0, 10),
    lookups: row.lookups,
    fallbacks: row.fallbacks,
    rate: row.lookups ? row.fallbacks / row.lookups : 0,
  }));
}

/**
 * The next model's labeled merges from the unbiased merge sample (merge_sample_probability set): a pair counts as
 * incorrect when SEPARATE verdicts are at least as many as GROUP ones (a tie keeps errors apart); UNSURE-only pairs
 * are left out.
 */
export async function overgroupingSampleByProject(
  client: Client,
  next: GroupingModel | undefined,
): Promise<Map<number, { labeled: number; incorrect: number }>> {
  if (!next) return new Map();
  const rows = await client.$queryRaw<{ project_id: number; labeled: number; incorrect: number }[]>`
    SELECT p.project_id, count(*)::int AS labeled, count(*) FILTER (WHERE p.separate >= p.grouped)::int AS incorrect
      FROM (
        SELECT rp.id, rp.project_id,
               count(*) FILTER (WHERE l.verdict = 'GROUP') AS grouped,
               count(*) FILTER (WHERE l.verdict = 'SEPARATE') AS separate
          FROM review_pairs rp
          JOIN labels l ON l.pair_id = rp.id
          LEFT JOIN grouping_decisions d ON d.id = rp.decision_id
         WHERE rp.merge_sample_probability IS NOT NULL AND COALESCE(rp.model, d.model_used) = ${next.version}
         GROUP BY rp.id, rp.project_id
      ) p
     WHERE p.grouped > 0 OR p.separate > 0
     GROUP BY p.project_id`;
  return new Map(rows.map((row) => [row.project_id, { labeled: row.labeled, incorrect: row.incorrect }]));
}
