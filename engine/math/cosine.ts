/**
 * Cosine distance (1 − cosine similarity) in double precision, over the first vector's length (missing values of the
 * second count as 0); 1 when either vector is zero.
 */
export function cosineDistance(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] ?? 0;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  return normA && normB ? 1 - dot / Math.sqrt(normA * normB) : 1;
}

/**
 * The vector scaled to length 1, for many cosine distances against it (`unitCosineDistance`): each is then one dot
 * product instead of a dot product and two norms. Null for a zero vector.
 */
export function unitVector(values: readonly number[]): Float64Array | null {
  let norm = 0;
  for (const value of values) norm += value * value;
  if (!norm) return null;
  const scale = 1 / Math.sqrt(norm);
  const unit = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) unit[i] = values[i]! * scale;
  return unit;
}

/** cosineDistance of two vectors of the same length, given as unitVector gives them (1 when either is zero). */
export function unitCosineDistance(a: Float64Array | null, b: Float64Array | null): number {
  if (!a || !b) return 1;
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * (b[i] ?? 0);
  return 1 - dot;
}
