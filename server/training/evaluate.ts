import "server-only";
import type { InferenceService } from "../inference/service";
import { truncateAndNormalize } from "../inference/vectors";
import type { PairSet } from "./dataset";
import { recallAtPrecision, type ScoredPair } from "./metrics";

/**
 * Embeds every distinct text once at `fullDims`, then scores the pairs at each Matryoshka prefix: the
 * prefix is re-normalised, exactly as the service does when it truncates to a stored dimension.
 */
export async function scorePairs(
  service: InferenceService,
  model: string,
  set: PairSet,
  fullDims: number,
  dims: readonly number[],
  onProgress?: (done: number, total: number) => void,
): Promise<Map<number, ScoredPair[]>> {
  const vectors: number[][] = [];
  const chunk = 256;
  for (let i = 0; i < set.texts.length; i += chunk) {
    vectors.push(...(await service.embed(model, set.texts.slice(i, i + chunk), { dims: fullDims })));
    onProgress?.(Math.min(set.texts.length, i + chunk), set.texts.length);
  }
  const out = new Map<number, ScoredPair[]>();
  for (const d of dims) {
    const truncated = vectors.map((v) => truncateAndNormalize(v, d));
    out.set(
      d,
      set.pairs.map((pair) => {
        const a = truncated[pair.a] as number[];
        const b = truncated[pair.b] as number[];
        let dot = 0;
        for (let k = 0; k < d; k++) dot += (a[k] as number) * (b[k] as number);
        return {
          distance: 1 - dot,
          group: pair.group,
          platform: pair.platform,
          project: pair.project,
          kind: pair.kind,
        };
      }),
    );
  }
  return out;
}

/**
 * The model's threshold: the largest cosine distance whose precision_GROUP on the validation pairs is at
 * least `targetPrecision` (v1: 0.90 like production v1; v2: 0.95). Falls back to a tight 0.01 if none is.
 */
export function calibrateThreshold(validation: readonly ScoredPair[], targetPrecision: number): number {
  const { threshold } = recallAtPrecision(validation, targetPrecision);
  return threshold >= 0 ? Number(threshold.toFixed(5)) : 0.01;
}
