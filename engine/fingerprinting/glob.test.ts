import { describe, expect, it } from "vitest";
import { globMatch } from "./glob";
import { globTokens } from "./glob-tokens";
import { linearGlobMatcher } from "./glob-linear";
import { mulberry32 } from "./testing/mulberry32";

// The linear matcher must say what the regular expression says, on any pattern, and must stay fast
// on the patterns where the regular expression does not.

function regexMatch(value: string, pattern: string, doubleStar: boolean, ignoreCase: boolean): boolean {
  let re = "";
  for (const token of globTokens(pattern, doubleStar)) {
    if (token.kind === "literal") re += token.char.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
    else if (token.kind === "any") re += doubleStar ? "[^/]" : ".";
    else if (token.kind === "class") re += token.source;
    else re += token.crossesSlash ? ".*" : "[^/]*";
  }
  return new RegExp(`^(?:${re})$`, ignoreCase ? "is" : "s").test(value);
}

describe("glob matching", () => {
  it("matches as the regular expression does, on random patterns and values", () => {
    const rng = mulberry32(18);
    const pick = (chars: string) => chars[Math.floor(rng() * chars.length)] as string;
    const parts = ["a", "b", "A", "/", "*", "**", "?", "[ab]", "[!a]", "\\*", "[", "."];
    for (let n = 0; n < 3_000; n++) {
      const pattern = Array.from(
        { length: 1 + Math.floor(rng() * 7) },
        () => parts[Math.floor(rng() * parts.length)],
      ).join("");
      const value = Array.from({ length: Math.floor(rng() * 9) }, () => pick("abA/*.[")).join("");
      for (const doubleStar of [false, true]) {
        for (const ignoreCase of [false, true]) {
          const linear = linearGlobMatcher(globTokens(pattern, doubleStar), { doubleStar, ignoreCase })(value);
          expect(linear, `${JSON.stringify(pattern)} ${JSON.stringify(value)} ${doubleStar} ${ignoreCase}`).toBe(
            regexMatch(value, pattern, doubleStar, ignoreCase),
          );
        }
      }
    }
  });

  it("keeps path semantics: * stops at /, ** crosses it, ? is one character of a name", () => {
    const path = { doubleStar: true };
    expect(globMatch("/app/node_modules/x/y.js", "**/node_modules/**", path)).toBe(true);
    expect(globMatch("/app/x/y.js", "*/x/*", path)).toBe(false);
    expect(globMatch("/a/b.js", "/?/*.js", path)).toBe(true);
    expect(globMatch("a/b", "a?b", path)).toBe(false);
    expect(globMatch("a/b", "a?b")).toBe(true);
  });

  it("answers a many-star pattern against an 8 KB value in milliseconds, not minutes", () => {
    const value = "a".repeat(8_192);
    const started = performance.now();
    expect(globMatch(value, "*a*a*a*a*a*a*a*a*b")).toBe(false);
    expect(globMatch(value, "*a*a*a*a*a*a*a*a*", { ignoreCase: true })).toBe(true);
    expect(globMatch(`${value}/`, "**a*a*a*a*a*a/**b", { doubleStar: true })).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
