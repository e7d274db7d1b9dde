// Any origin serves to resolve against: only whether `next` stays on it matters.
const BASE = "http://regroup.invalid";

function isControlCharacter(character: string): boolean {
  const code = character.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}

/**
 * Where to go after sign-in: `next` only when it is a path on this site, else "/". Browsers read `/\evil.example`
 * and `/<tab>/evil.example` as `//evil.example` (another site), so backslashes and control characters are refused
 * outright, and what is left must resolve to this origin.
 */
export function safeNext(value: string | string[] | undefined): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.includes("\\")) return "/";
  if ([...value].some(isControlCharacter)) return "/";
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
