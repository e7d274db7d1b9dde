import { createHash } from "node:crypto";

/**
 * A number in [0, 1) fixed by a text: the first `bytes` bytes of its SHA-256 (at most 6, so that the value is exact
 * in a double) over 2^(8·bytes). Uniform, reproducible on every run, and independent between texts: the random
 * draw of a sampling design, or a sticky bucket.
 */
export function sha256Fraction(text: string, bytes = 6): number {
  return createHash("sha256").update(text).digest().readUIntBE(0, bytes) / 2 ** (8 * bytes);
}
