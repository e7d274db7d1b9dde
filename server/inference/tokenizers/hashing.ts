import "server-only";
import { fnv1a } from "@/engine/math/fnv1a";

/** The hashing trick's hash of a token: FNV-1a, stable across runs and platforms, with a final avalanche. */
export function tokenHash(text: string): number {
  let hash = fnv1a(text);
  // The avalanche makes buckets taken modulo a power of two use the high bits too.
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  hash ^= hash >>> 12;
  return hash >>> 0;
}

/** Splits identifiers and paths into lowercase word pieces: `getAutofixState` → get, autofix, state. */
export function wordPieces(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((piece) => piece.length > 1 && !/^\d+$/.test(piece));
}
