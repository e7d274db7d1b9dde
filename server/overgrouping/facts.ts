import "server-only";
import { db } from "../db";
import type { LabelSource } from "../labeling/label-source";
import { labeledMergesSql } from "./labeled-merges-sql";

/**
 * The counts every number of the Overgrouping page is rolled up from, per (project, platform, model, day). They are
 * additive, so tiles, tables and the time series are sums of the same rows and always agree with each other.
 */
export interface DecisionFact {
  projectId: number;
  platform: string;
  /** The model the project asked for (model_requested): v2's merges include those v1 made on fallback. */
  model: string;
  day: string;
  reachedAi: number;
  merges: number;
  fallbackMerges: number;
  newIssues: number;
}

export interface SampleFact {
  projectId: number;
  platform: string;
  /** The model that made the merge (the decision's model_used). */
  model: string;
  day: string;
  labeled: number;
  incorrect: number;
  weight: number;
  positiveWeight: number;
  weightSquared: number;
}

/** AI merges a person undid by unmerging their hash (known overgroupings), by the model that made the merge. */
export interface KnownFact {
  projectId: number;
  platform: string;
  model: string;
  day: string;
  known: number;
}

export interface IneligibleFact {
  projectId: number;
  platform: string;
  day: string;
  newIssues: number;
}

/**
 * Events that reached the AI step: live grouping decisions (not training, not read-only) tied to their event. A
 * merge is an event the AI grouped (grouping_method 'ai'); a new issue, one it did not.
 */
export async function decisionFacts(): Promise<DecisionFact[]> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<(Omit<DecisionFact, "day"> & { day: Date })[]>`
    SELECT d.project_id AS "projectId", e.platform, d.model_requested AS model,
           date_trunc('day', e.received_at AT TIME ZONE 'UTC') AS day,
           count(*)::int AS "reachedAi",
           (count(*) FILTER (WHERE e.grouping_method = 'ai'))::int AS merges,
           (count(*) FILTER (WHERE e.grouping_method = 'ai' AND d.model_used <> d.model_requested))::int AS "fallbackMerges",
           (count(*) FILTER (WHERE e.grouping_method = 'new'))::int AS "newIssues"
      FROM grouping_decisions d
      JOIN events e ON e.id = d.event_id
     WHERE NOT d.training_mode AND NOT d.read_only
     GROUP BY 1, 2, 3, 4`;
  return rows.map((row) => ({ ...row, day: isoDay(row.day) }));
}

/** New issues whose event fingerprinting could not group and that never reached the AI step (ineligible, AI failed). */
export async function ineligibleFacts(): Promise<IneligibleFact[]> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<(Omit<IneligibleFact, "day"> & { day: Date })[]>`
    SELECT e.project_id AS "projectId", e.platform, date_trunc('day', e.received_at AT TIME ZONE 'UTC') AS day,
           count(*)::int AS "newIssues"
      FROM events e
     WHERE e.grouping_method = 'new'
       AND NOT EXISTS (
         SELECT 1 FROM grouping_decisions d WHERE d.event_id = e.id AND NOT d.training_mode AND NOT d.read_only
       )
     GROUP BY 1, 2, 3`;
  return rows.map((row) => ({ ...row, day: isoDay(row.day) }));
}

/**
 * Labeled merges of the random merge sample only (source merge_sample with its sampling probability): pairs queued
 * because they were hard never feed a rate. Each pair counts once, with the majority of its GROUP/SEPARATE labels
 * (UNSURE left out, ties left out); SEPARATE means the merge was wrong. Weights are 1 / sampling probability.
 */
export async function sampleFacts(labels: LabelSource): Promise<SampleFact[]> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<(Omit<SampleFact, "day"> & { day: Date })[]>`
    WITH judged AS (${labeledMergesSql(labels)})
    SELECT project_id AS "projectId", platform, model, day,
           count(*)::int AS labeled,
           (count(*) FILTER (WHERE verdict = 'SEPARATE'))::int AS incorrect,
           sum(1 / probability)::float8 AS weight,
           coalesce(sum(1 / probability) FILTER (WHERE verdict = 'SEPARATE'), 0)::float8 AS "positiveWeight",
           sum(1 / (probability * probability))::float8 AS "weightSquared"
      FROM judged
     GROUP BY 1, 2, 3, 4`;
  return rows.map((row) => ({ ...row, day: isoDay(row.day) }));
}

/**
 * Known overgroupings: AI merges (live decisions of events the AI grouped) whose hash a person unmerged from the issue
 * the AI put it in (grouping_decisions.unmerged_at, set by server/issues/merge). Every such merge counts, sampled or
 * not, so they are a floor on the wrong merges, not a rate; one that is also in the random merge sample counts in the
 * rate through the unmerge's SEPARATE label on its pair.
 */
export async function knownFacts(): Promise<KnownFact[]> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<(Omit<KnownFact, "day"> & { day: Date })[]>`
    SELECT d.project_id AS "projectId", e.platform, d.model_used AS model,
           date_trunc('day', e.received_at AT TIME ZONE 'UTC') AS day, count(*)::int AS known
      FROM grouping_decisions d
      JOIN events e ON e.id = d.event_id
     WHERE d.unmerged_at IS NOT NULL AND e.grouping_method = 'ai' AND NOT d.training_mode AND NOT d.read_only
     GROUP BY 1, 2, 3, 4`;
  return rows.map((row) => ({ ...row, day: isoDay(row.day) }));
}

function isoDay(day: Date): string {
  return day.toISOString().slice(0, 10);
}
