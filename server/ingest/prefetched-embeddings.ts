import "server-only";
import { buildEmbeddingText, checkAiEligibility } from "@/engine/embedding-text";
import type { GroupingModels } from "../grouping/models";
import type { PreparedEvent } from "./pipeline";

/** How many texts one embedding call takes at most (the batch's texts are embedded in calls of this size). */
const EMBED_CHUNK = 64;

/**
 * The models, with the embeddings of these events' texts computed up front: one call per model and chunk instead
 * of one per event and model. The events of a batch that reach the AI step are then grouped one after the other
 * (each may find the one before it), and each finds its embedding here. A text not prefetched is embedded as usual.
 */
export async function withPrefetchedEmbeddings(
  models: GroupingModels,
  events: PreparedEvent[],
): Promise<GroupingModels> {
  const texts = [
    ...new Set(
      events
        .filter((event) => checkAiEligibility(event.stored, event.fingerprint).eligible)
        .map((event) => buildEmbeddingText(event.stored, event.fingerprint)),
    ),
  ];
  if (texts.length < 2) return models;
  const key = (version: string, text: string) => `${version}\u0000${text}`;
  const vectors = new Map<string, number[]>();
  const versions = [models.stable(), models.next()].flatMap((model) => (model ? [model.version] : []));
  for (const version of versions) {
    for (let start = 0; start < texts.length; start += EMBED_CHUNK) {
      const chunk = texts.slice(start, start + EMBED_CHUNK);
      const embedded = await models.embed(version, chunk);
      chunk.forEach((text, i) => vectors.set(key(version, text), embedded[i]!));
    }
  }
  return {
    ...models,
    embed: (version, batch) =>
      batch.every((text) => vectors.has(key(version, text)))
        ? Promise.resolve(batch.map((text) => vectors.get(key(version, text))!))
        : models.embed(version, batch),
  };
}
