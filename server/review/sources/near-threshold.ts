import "server-only";
import { db } from "../../db";
import type { DecisionPair } from "../decision-pairs";
import { PAIR_MODELS, distancesOfTexts, pairModelThresholds, textOfEvent, type PairDistances } from "../distances";
import { insertPairs, orderedPair, type NewPair } from "../pair-store";
import { uniformDraw } from "../random";

export interface NearThresholdOptions {
  /** Expected pairs per (project, model). */
  perModel?: number;
  /** Half-width of the band around the threshold, as a share of the threshold. */
  bandShare?: number;
  seed?: string;
}

/** How close a distance is to the threshold: 1 on it, falling linearly to 0 at the band's edge. */
export function closeness(distance: number, threshold: number, band: number): number {
  return Math.max(0, 1 - Math.abs(distance - threshold) / band);
}

/**
 * Source (b): pairs the AI decisions point at whose distance under a model lies near that model's threshold (either
 * side), sampled per (project, model) with probability proportional to closeness: p = min(1, n·w / Σw) (Poisson
 * sampling with a fixed draw per pair), sampling_weight = 1/p. Distances are the pair's, from the inference service.
 */
export async function queueNearThreshold(
  candidates: readonly DecisionPair[],
  options: NearThresholdOptions = {},
): Promise<number> {
  const perModel = options.perModel ?? 15;
  const bandShare = options.bandShare ?? 0.25;
  const seed = options.seed ?? "regroup-near-threshold";
  if (perModel === 0) return 0;
  const prisma = await db();
  const unique = new Map<string, DecisionPair>();
  for (const candidate of candidates) {
    const key = orderedPair(candidate.eventIds);
    unique.set(`${key.eventAId}-${key.eventBId}`, candidate);
  }
  const list = [...unique.entries()];
  const events = await prisma.event.findMany({
    where: { id: { in: [...new Set(list.flatMap(([, c]) => c.eventIds))] } },
    select: { id: true, embeddingText: true, payload: true },
  });
  const text = new Map(events.map((event) => [event.id, textOfEvent(event)]));
  const distances: PairDistances[] = await distancesOfTexts(
    list.map(([, c]) => [text.get(c.eventIds[0]) ?? "", text.get(c.eventIds[1]) ?? ""]),
  );
  const thresholds = pairModelThresholds();

  // One insert for every sampled pair; a pair drawn for two models is stored for the first (PAIR_MODELS' order), and a
  // pair that exists already (any source) is left as it is.
  const sampled: NewPair[] = [];
  for (const model of PAIR_MODELS) {
    const threshold = thresholds[model];
    if (threshold === null) continue;
    const band = threshold * bandShare;
    const byProject = new Map<number, { key: string; candidate: DecisionPair; weight: number; d: PairDistances }[]>();
    list.forEach(([key, candidate], index) => {
      const d = distances[index]!;
      const distance = d[model];
      const weight = distance === null ? 0 : closeness(distance, threshold, band);
      if (weight <= 0) return;
      const bucket = byProject.get(candidate.projectId) ?? [];
      bucket.push({ key, candidate, weight, d });
      byProject.set(candidate.projectId, bucket);
    });
    for (const bucket of byProject.values()) {
      const total = bucket.reduce((sum, item) => sum + item.weight, 0);
      for (const item of bucket) {
        const probability = Math.min(1, (perModel * item.weight) / total);
        if (uniformDraw(seed, `${model}:${item.key}`) >= probability) continue;
        sampled.push({
          eventIds: item.candidate.eventIds,
          source: "near_threshold",
          model,
          samplingWeight: 1 / probability,
          decisionId: item.candidate.decisionId,
          distances: { v1: item.d.v1, v2: item.d.v2 },
        });
      }
    }
  }
  return insertPairs(prisma, sampled);
}
