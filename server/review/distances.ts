import "server-only";
import { buildEmbeddingText } from "@/engine/embedding-text";
import { parseEvent } from "@/engine/event/schema";
import { cosineDistance } from "@/engine/math/cosine";
import { db } from "../db";
import { groupingModels } from "../grouping/default-models";

/** The two models whose distances a pair caches (review_pairs.v1_distance / v2_distance). */
export const PAIR_MODELS = ["v1", "v2"] as const;
export type PairModel = (typeof PAIR_MODELS)[number];
export type PairDistances = Record<PairModel, number | null>;

/** The text the grouping service embeds for an event: the stored one, else rebuilt from the payload ("" if none). */
export function textOfEvent(event: { embeddingText: string | null; payload: unknown }): string {
  if (event.embeddingText) return event.embeddingText;
  const parsed = parseEvent(event.payload);
  return parsed.ok ? buildEmbeddingText(parsed.event) : "";
}

/**
 * Cosine distances of text pairs under v1 and v2, embedded by the inference service (each distinct text once per
 * model); null for a model that is not available or a pair with an empty text.
 */
export async function distancesOfTexts(pairs: readonly [string, string][]): Promise<PairDistances[]> {
  const texts = [...new Set(pairs.flat().filter((text) => text.length > 0))];
  const models = groupingModels();
  const vectors = new Map<PairModel, Map<string, number[]>>();
  for (const version of PAIR_MODELS) {
    if (!models.get(version) || texts.length === 0) continue;
    const embedded = new Map<string, number[]>();
    for (let start = 0; start < texts.length; start += 64) {
      const batch = texts.slice(start, start + 64);
      const result = await models.embed(version, batch);
      batch.forEach((text, i) => embedded.set(text, result[i]!));
    }
    vectors.set(version, embedded);
  }
  return pairs.map(([a, b]) => {
    const out: PairDistances = { v1: null, v2: null };
    for (const version of PAIR_MODELS) {
      const va = vectors.get(version)?.get(a);
      const vb = vectors.get(version)?.get(b);
      if (va && vb) out[version] = Math.max(0, cosineDistance(va, vb));
    }
    return out;
  });
}

/** Computes and caches the v1/v2 distances of the pairs that have none yet (all pairs, or the ids given). */
export async function fillPairDistances(pairIds?: number[]): Promise<number> {
  const prisma = await db();
  const missing = await prisma.reviewPair.findMany({
    where: { OR: [{ v1Distance: null }, { v2Distance: null }], ...(pairIds ? { id: { in: pairIds } } : {}) },
    select: {
      id: true,
      eventA: { select: { embeddingText: true, payload: true } },
      eventB: { select: { embeddingText: true, payload: true } },
    },
  });
  if (missing.length === 0) return 0;
  const distances = await distancesOfTexts(missing.map((pair) => [textOfEvent(pair.eventA), textOfEvent(pair.eventB)]));
  // One statement for all of them (a model that is not available leaves its distance null, as it was).
  await prisma.$executeRaw`
    UPDATE review_pairs SET v1_distance = computed.v1, v2_distance = computed.v2
      FROM unnest(${missing.map((pair) => pair.id)}::int[], ${distances.map((d) => d.v1 ?? null)}::float8[],
                  ${distances.map((d) => d.v2 ?? null)}::float8[]) AS computed(id, v1, v2)
     WHERE review_pairs.id = computed.id`;
  return missing.length;
}

/** Each pair model's threshold (null when the model is not available). */
export function pairModelThresholds(): Record<PairModel, number | null> {
  const models = groupingModels();
  return { v1: models.get("v1")?.threshold ?? null, v2: models.get("v2")?.threshold ?? null };
}
