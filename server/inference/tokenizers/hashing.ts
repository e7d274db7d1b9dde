import "server-only";

/** FNV-1a over UTF-16 code units: fast, stable across runs and platforms, good enough spread for hashing tricks. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  // Final avalanche so that buckets taken modulo a power of two use the high bits too.
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
