import "server-only";
import { EXPERTS, type MergesQuery, type MergesResponse } from "@/lib/contracts/overgrouping";
import { db } from "../db";
import { resolveLabelSource } from "../labeling/label-source";
import { labeledMergesSql } from "./labeled-merges-sql";

const LIMIT = 500;

interface MergeRow {
  pair_id: number;
  project_id: number;
  project_name: string;
  platform: string;
  model: string;
  day: Date;
  distance: number | null;
  probability: number;
  verdict: "GROUP" | "SEPARATE";
  group_votes: number;
  separate_votes: number;
  unsure_votes: number;
  title_a: string;
  title_b: string;
}

/** The labeled merges behind a rate of the Overgrouping page (the same rows its tally counts), wrong ones first. */
export async function listLabeledMerges(query: MergesQuery): Promise<MergesResponse> {
  const prisma = await db();
  const { source: labels } = await resolveLabelSource(query.labels ?? EXPERTS);
  const model = query.model ?? null;
  const platform = query.platform ?? null;
  const projectId = query.projectId ?? null;
  const day = query.day ?? null;
  const verdict = query.verdict ?? null;
  const rows = await prisma.$queryRaw<MergeRow[]>`
    SELECT m.pair_id, m.project_id, p.name AS project_name, m.platform, m.model, m.day, m.distance, m.probability,
           m.verdict, m.group_votes, m.separate_votes, m.unsure_votes, ea.title AS title_a, eb.title AS title_b
      FROM (${labeledMergesSql(labels)}) m
      JOIN projects p ON p.id = m.project_id
      JOIN events ea ON ea.id = m.event_a_id
      JOIN events eb ON eb.id = m.event_b_id
     WHERE (${model}::text IS NULL OR m.model = ${model}::text)
       AND (${platform}::text IS NULL OR m.platform = ${platform}::text)
       AND (${projectId}::int IS NULL OR m.project_id = ${projectId}::int)
       AND (${day}::text IS NULL OR to_char(m.day, 'YYYY-MM-DD') = ${day}::text)
       AND (${verdict}::text IS NULL OR m.verdict = ${verdict}::text)
     ORDER BY m.verdict DESC, m.day DESC, m.pair_id
     LIMIT ${LIMIT + 1}`;
  return {
    truncated: rows.length > LIMIT,
    merges: rows.slice(0, LIMIT).map((row) => ({
      pairId: row.pair_id,
      projectId: row.project_id,
      projectName: row.project_name,
      platform: row.platform,
      model: row.model,
      day: row.day.toISOString().slice(0, 10),
      distance: row.distance,
      probability: row.probability,
      verdict: row.verdict,
      votes: { group: row.group_votes, separate: row.separate_votes, unsure: row.unsure_votes },
      titleA: row.title_a,
      titleB: row.title_b,
    })),
  };
}
