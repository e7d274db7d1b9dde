import "server-only";
import { db } from "../../db";
import type { Transaction } from "../../db/client";
import { projectKey } from "../../projects/project-key";
import { eventsOfHashes, orderedPair } from "../pair-store";
import { uniformDraw } from "../random";

/**
 * Source (c): the random sample of AI merges, the ONLY pairs the overgrouping rates may use.
 *
 * Population: every event grouped by the AI (events.grouping_method = 'ai') joined to its ingest decision
 * (not read-only, not training), whose matched hash is carried by a stored event; the pair is (merged event, the
 * event that brought the matched hash in). Strata: (project, decision.model_used), the model that made the merge.
 *
 * Design: Poisson sampling with one rate per stratum. Each merge m gets a fixed draw u_m = uniformDraw(seed,
 * "merge:<decision id>") in [0, 1); it is in the sample iff u_m < r_s. When a stratum is sampled for the first time,
 * r_s = min(1, perStratum / N_s) with N_s its merges then; afterwards r_s stays what its pairs store, so later merges
 * join at the same rate and no labeled pair ever leaves the sample. Hence every merge of the stratum, past or
 * future, is included with probability exactly r_s, independently of its content: review_pairs.merge_sample_probability
 * = r_s and sampling_weight = 1/r_s (Horvitz–Thompson). Within a stratum all units share r_s, so the unweighted share
 * of incorrect merges among its labeled sample pairs is unbiased; across strata, weight by 1/r_s. Keep the seed
 * fixed: another seed draws another sample.
 *
 * A sampled merge whose pair already exists from another source (disagreement, near-threshold, manual) becomes a
 * merge-sample pair (its labels kept), so that the sample never loses a unit.
 */
export interface MergeSampleOptions {
  perStratum?: number;
  seed?: string;
}

export interface StratumSample {
  projectId: number;
  model: string;
  merges: number;
  probability: number;
  sampled: number;
}

export const DEFAULT_MERGE_SAMPLE_SEED = "regroup-merge-sample";

export async function sampleMerges(
  options: MergeSampleOptions = {},
): Promise<{ created: number; converted: number; strata: StratumSample[] }> {
  const perStratum = options.perStratum ?? 25;
  const seed = options.seed ?? DEFAULT_MERGE_SAMPLE_SEED;
  if (!Number.isInteger(perStratum) || perStratum < 1) throw new RangeError("perStratum must be a positive integer");
  const prisma = await db();
  const merged = await prisma.event.findMany({
    where: { groupingMethod: "ai" },
    select: {
      id: true,
      projectId: true,
      decisions: {
        where: { readOnly: false, trainingMode: false, shouldGroup: true, parentHash: { not: null } },
        select: { id: true, modelUsed: true, parentHash: true },
        orderBy: { id: "asc" },
        take: 1,
      },
    },
    orderBy: { id: "asc" },
  });

  // The population, per stratum, with each merge's pair resolved.
  const strata = new Map<
    string,
    { projectId: number; model: string; units: { decisionId: number; eventIds: [number, number] }[] }
  >();
  const parents = await eventsOfHashes(
    prisma,
    merged.flatMap((event) => {
      const hash = event.decisions[0]?.parentHash;
      return hash ? [{ projectId: event.projectId, hash }] : [];
    }),
  );
  for (const event of merged) {
    const decision = event.decisions[0];
    if (!decision?.parentHash) continue;
    const parent = parents.get(projectKey(event.projectId, decision.parentHash));
    if (!parent || parent === event.id) continue;
    const key = `${event.projectId}\u0000${decision.modelUsed}`;
    const stratum = strata.get(key) ?? { projectId: event.projectId, model: decision.modelUsed, units: [] };
    stratum.units.push({ decisionId: decision.id, eventIds: [event.id, parent] });
    strata.set(key, stratum);
  }

  let created = 0;
  let converted = 0;
  const report: StratumSample[] = [];
  for (const stratum of strata.values()) {
    const existing = await prisma.reviewPair.findFirst({
      where: {
        source: "merge_sample",
        projectId: stratum.projectId,
        model: stratum.model,
        mergeSampleProbability: { not: null },
      },
      select: { mergeSampleProbability: true },
    });
    const probability = existing?.mergeSampleProbability ?? Math.min(1, perStratum / stratum.units.length);
    const units = stratum.units.filter((unit) => uniformDraw(seed, `merge:${unit.decisionId}`) < probability);
    const stored = await storeSampledMerges(prisma, stratum, probability, units);
    created += stored.created;
    converted += stored.converted;
    const sampled = units.length;
    report.push({
      projectId: stratum.projectId,
      model: stratum.model,
      merges: stratum.units.length,
      probability,
      sampled,
    });
  }
  return { created, converted, strata: report };
}

/**
 * The sampled merges of one stratum with one statement: a pair that another source queued becomes a merge-sample pair
 * (its labels kept), a new pair is inserted with the merged event's project and platform, and a pair that is in the
 * sample already is left as it is.
 */
async function storeSampledMerges(
  client: Pick<Transaction, "$queryRaw">,
  stratum: { projectId: number; model: string },
  probability: number,
  units: readonly { decisionId: number; eventIds: [number, number] }[],
): Promise<{ created: number; converted: number }> {
  const byPair = new Map<string, { decisionId: number; merged: number; a: number; b: number }>();
  for (const unit of units) {
    const { eventAId: a, eventBId: b } = orderedPair(unit.eventIds);
    if (!byPair.has(`${a}-${b}`))
      byPair.set(`${a}-${b}`, { decisionId: unit.decisionId, merged: unit.eventIds[0], a, b });
  }
  const rows = [...byPair.values()];
  if (rows.length === 0) return { created: 0, converted: 0 };
  const [counts] = await client.$queryRaw<{ created: number; converted: number }[]>`
    WITH wanted AS (
      SELECT * FROM unnest(${rows.map((r) => r.a)}::int[], ${rows.map((r) => r.b)}::int[],
                           ${rows.map((r) => r.merged)}::int[], ${rows.map((r) => r.decisionId)}::int[])
             WITH ORDINALITY AS w(a, b, merged, decision_id, n)
    ), converted AS (
      UPDATE review_pairs p
         SET source = 'merge_sample', model = ${stratum.model}, sampling_weight = ${1 / probability},
             merge_sample_probability = ${probability}, decision_id = w.decision_id
        FROM wanted w
       WHERE p.event_a_id = w.a AND p.event_b_id = w.b AND p.source <> 'merge_sample'
      RETURNING p.id
    ), created AS (
      INSERT INTO review_pairs (event_a_id, event_b_id, project_id, platform, source, model, sampling_weight,
                                merge_sample_probability, decision_id)
      SELECT w.a, w.b, ${stratum.projectId}, e.platform, 'merge_sample', ${stratum.model}, ${1 / probability},
             ${probability}, w.decision_id
        FROM wanted w JOIN events e ON e.id = w.merged
       ORDER BY w.n
      ON CONFLICT (event_a_id, event_b_id) DO NOTHING
      RETURNING id
    )
    SELECT (SELECT count(*) FROM created)::int AS created, (SELECT count(*) FROM converted)::int AS converted`;
  return counts ?? { created: 0, converted: 0 };
}
