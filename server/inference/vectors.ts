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

export function cosineDistance(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na && nb ? 1 - dot / Math.sqrt(na * nb) : 1;
}
