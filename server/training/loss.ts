import "server-only";

/** Matryoshka prefixes and their loss weights (as production v2 was trained). */
export const MATRYOSHKA_DIMS = [
  { dim: 768, weight: 2 },
  { dim: 512, weight: 1 },
  { dim: 256, weight: 1 },
  { dim: 128, weight: 0.5 },
  { dim: 64, weight: 0.25 },
] as const;

export const CONTRASTIVE_MARGIN = 0.5;

export interface PairGradient {
  loss: number;
  ga: Float64Array;
  gb: Float64Array;
}

/**
 * Contrastive loss (Hadsell, Chopra, LeCun) on cosine distance d = 1 − cos, summed over Matryoshka prefixes:
 * 0.5·(y·d² + (1−y)·max(0, m − d)²). Positives are pulled together; negatives pushed past the margin only.
 */
export function contrastivePairLoss(
  za: Float64Array,
  zb: Float64Array,
  group: boolean,
  weight = 1,
  margin = CONTRASTIVE_MARGIN,
): PairGradient {
  const ga = new Float64Array(za.length);
  const gb = new Float64Array(zb.length);
  let loss = 0;
  for (const { dim, weight: dimWeight } of MATRYOSHKA_DIMS) {
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (let i = 0; i < dim; i++) {
      const a = za[i] as number;
      const b = zb[i] as number;
      dot += a * b;
      na += a * a;
      nb += b * b;
    }
    const normA = Math.sqrt(na) + 1e-9;
    const normB = Math.sqrt(nb) + 1e-9;
    const cos = dot / (normA * normB);
    const d = 1 - cos;
    const w = weight * dimWeight;
    const hinge = Math.max(0, margin - d);
    loss += w * 0.5 * (group ? d * d : hinge * hinge);
    const dLdd = w * (group ? d : -hinge);
    if (dLdd === 0) continue;
    const dLdcos = -dLdd;
    for (let i = 0; i < dim; i++) {
      const a = za[i] as number;
      const b = zb[i] as number;
      ga[i] = (ga[i] as number) + dLdcos * (b / (normA * normB) - (cos * a) / (normA * normA));
      gb[i] = (gb[i] as number) + dLdcos * (a / (normA * normB) - (cos * b) / (normB * normB));
    }
  }
  return { loss, ga, gb };
}
