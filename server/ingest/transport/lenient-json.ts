import "server-only";

// Python's json module writes NaN, Infinity and -Infinity as bare tokens, which are not JSON, and old Python
// SDKs send them (Relay rewrites them before parsing for those clients). Here a body that JSON.parse refuses
// is tried once more with each such token, outside strings, turned into a string ("NaN"): the event is then
// kept, and where a number belongs the value is dropped and noted like any other value of the wrong type.

const BARE_TOKENS = ["NaN", "Infinity", "-Infinity"] as const;

function bareTokenAt(text: string, i: number): string | undefined {
  for (const token of BARE_TOKENS) if (text.startsWith(token, i)) return token;
  return undefined;
}

/** The text with every bare NaN / Infinity / -Infinity outside a string quoted, or null when it has none. */
export function quoteBareNonFiniteNumbers(text: string): string | null {
  const parts: string[] = [];
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // Skips the string, escapes included; an unterminated one ends the text (JSON.parse refuses it anyway).
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
      continue;
    }
    if (c !== 0x4e /* N */ && c !== 0x49 /* I */ && c !== 0x2d /* - */) continue;
    const token = bareTokenAt(text, i);
    if (token === undefined) continue;
    parts.push(text.slice(copied, i), `"${token}"`);
    i += token.length - 1;
    copied = i + 1;
  }
  if (parts.length === 0) return null;
  parts.push(text.slice(copied));
  return parts.join("");
}

/** JSON.parse, accepting Python's bare NaN and Infinity as the strings "NaN" and "Infinity"; throws JSON.parse's error. */
export function parseLenientJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const quoted = quoteBareNonFiniteNumbers(text);
    if (quoted === null) throw error;
    try {
      return JSON.parse(quoted);
    } catch {
      throw error;
    }
  }
}
