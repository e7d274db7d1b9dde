// A glob pattern as a list of tokens, the one reading of the syntax that both matchers of glob.ts
// (the regular expression and the linear one) are built from.

export type GlobToken =
  | { kind: "literal"; char: string }
  /** `?`: one character (not `/` when `*` stops at directories). */
  | { kind: "any" }
  /** `[…]` or `[!…]`: one character of a class, kept as the regular expression class it is. */
  | { kind: "class"; source: string }
  /** `*` (any run, or a run without `/` in path patterns) or `**` (any run). */
  | { kind: "star"; crossesSlash: boolean };

/** Reads a pattern: `\x` is x, `[` without a closing `]` is itself, `**` only means more in path patterns. */
export function globTokens(pattern: string, doubleStar: boolean): GlobToken[] {
  const tokens: GlobToken[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === "\\" && i + 1 < pattern.length) {
      tokens.push({ kind: "literal", char: pattern[++i] as string });
    } else if (ch === "*") {
      if (doubleStar && pattern[i + 1] === "*") {
        tokens.push({ kind: "star", crossesSlash: true });
        i++;
      } else {
        tokens.push({ kind: "star", crossesSlash: !doubleStar });
      }
    } else if (ch === "?") {
      tokens.push({ kind: "any" });
    } else if (ch === "[") {
      const close = pattern.indexOf("]", i + 2);
      if (close < 0) {
        tokens.push({ kind: "literal", char: "[" });
        continue;
      }
      let body = pattern.slice(i + 1, close);
      let negate = false;
      if (body.startsWith("!")) {
        negate = true;
        body = body.slice(1);
      }
      tokens.push({ kind: "class", source: `[${negate ? "^" : ""}${body.replace(/[\\\]^]/g, (m) => `\\${m}`)}]` });
      i = close;
    } else {
      tokens.push({ kind: "literal", char: ch });
    }
  }
  return tokens;
}

/** How many star tokens a pattern has (`**` in a path pattern is one). */
export function starCount(pattern: string, doubleStar: boolean): number {
  if (!pattern.includes("*")) return 0;
  return globTokens(pattern, doubleStar).filter((token) => token.kind === "star").length;
}
