/** FNV-1a's 32-bit offset basis, the seed of a plain FNV-1a hash. */
export const FNV1A_OFFSET_BASIS = 0x811c9dc5;

/**
 * 32-bit FNV-1a over the UTF-16 code units of a text, unsigned: fast and the same on every run and platform, for
 * seeds, shuffles and hashing tricks (never for anything an adversary chooses). `seed` starts a separate family.
 */
export function fnv1a(text: string, seed = FNV1A_OFFSET_BASIS): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
