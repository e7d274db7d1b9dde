import "server-only";
import { sha256Fraction } from "@/engine/math/sha256-fraction";

/**
 * A uniform number in [0, 1) fixed by (seed, key): the random draw of a sampling design, reproducible, so that the
 * same unit gets the same draw on every run and a sample can be extended without redrawing it.
 */
export function uniformDraw(seed: string, key: string): number {
  return sha256Fraction(`${seed}\u0000${key}`);
}
