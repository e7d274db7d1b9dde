import "server-only";

/** Matryoshka truncation to the first `dims` values, then L2 normalisation (zero vectors stay zero). */
export function truncateAndNormalize(vector: ArrayLike<number>, dims: number): number[] {
  const out = new Array<number>(dims);
  let norm = 0;
  for (let i = 0; i < dims; i++) {
    const v = vector[i] ?? 0;
    out[i] = v;
    norm += v * v;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < dims; i++) out[i] = (out[i] as number) / norm;
  return out;
}
