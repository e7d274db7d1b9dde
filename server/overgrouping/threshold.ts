import "server-only";
import type { ThresholdCurve, ThresholdResponse, ThresholdSource } from "@/lib/contracts/overgrouping";
import { precisionRecallAt, thresholdForPrecision, thresholdSweep, type ScoredPair } from "@/engine/metrics/threshold";
import { db } from "../db";
import { groupingModels } from "../grouping/default-models";
import { EXPERT_LABELS, pairVerdictsSql } from "../labeling/label-source";

export const TARGET_PRECISION = 0.95;

/** The models whose distances review pairs carry (review_pairs.v1_distance / v2_distance). */
const CURVE_MODELS = ["v1", "v2"] as const;

interface LabeledPairRow {
  platform: string;
  v1_distance: number | null;
  v2_distance: number | null;
  verdict: "GROUP" | "SEPARATE";
}

function curve(platform: string, model: string, pairs: ScoredPair[], currentThreshold: number | null): ThresholdCurve {
  return {
    platform,
    model,
    pairs: pairs.length,
    groupPairs: pairs.filter((pair) => pair.group).length,
    currentThreshold,
    atCurrent: currentThreshold === null || pairs.length === 0 ? null : precisionRecallAt(pairs, currentThreshold),
    atTarget: thresholdForPrecision(pairs, TARGET_PRECISION),
    points: thresholdSweep(pairs),
  };
}

/**
 * precision_GROUP and recall against the distance threshold, per platform (and all together) and model, from the
 * labeled pairs (majority of the experts' GROUP/SEPARATE labels; UNSURE and ties left out) and their cached v1/v2 distances.
 * `source` "merge_sample" keeps only the random merge sample; "all" includes pairs picked because they were hard.
 */
export async function getThresholdExplorer(source: ThresholdSource): Promise<ThresholdResponse> {
  const prisma = await db();
  const onlySample = source === "merge_sample";
  const rows = await prisma.$queryRaw<LabeledPairRow[]>`
    SELECT rp.platform, rp.v1_distance, rp.v2_distance, v.verdict
      FROM review_pairs rp
      JOIN (${pairVerdictsSql(EXPERT_LABELS)}) v ON v.pair_id = rp.id
     WHERE (NOT ${onlySample} OR (rp.source = 'merge_sample' AND rp.merge_sample_probability IS NOT NULL))`;
  const models = groupingModels();
  const platforms = [...new Set(rows.map((row) => row.platform))].sort();
  const curves: ThresholdCurve[] = [];
  for (const platform of ["all", ...platforms]) {
    const ofPlatform = platform === "all" ? rows : rows.filter((row) => row.platform === platform);
    for (const model of CURVE_MODELS) {
      const pairs = ofPlatform.flatMap((row): ScoredPair[] => {
        const distance = model === "v1" ? row.v1_distance : row.v2_distance;
        return distance === null ? [] : [{ distance, group: row.verdict === "GROUP" }];
      });
      curves.push(curve(platform, model, pairs, models.get(model)?.threshold ?? null));
    }
  }
  return { targetPrecision: TARGET_PRECISION, source, platforms, curves };
}
