import "server-only";
import { createHash } from "node:crypto";

/**
 * A uniform number in [0, 1) fixed by (seed, key): the random draw of a sampling design, reproducible, so that the
 * same unit gets the same draw on every run and a sample can be extended without redrawing it.
 */
export function uniformDraw(seed: string, key: string): number {
  const digest = createHash("sha256").update(`${seed}\u0000${key}`).digest();
  // 48 bits are exact in a double.
  return digest.readUIntBE(0, 6) / 2 ** 48;
}
