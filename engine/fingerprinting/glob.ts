import { BoundedCache } from "@/engine/event/bounded-cache";
import { globTokens, starCount } from "./glob-tokens";
import { linearGlobMatcher } from "./glob-linear";

// Glob matching as Sentry's rule matchers use it: `*`, `?`, `[…]` classes and `\` escapes; with
// `doubleStar`, `*` and `?` stop at `/` and `**` crosses directories (paths). Compiled patterns
// are cached because the same few hundred default rules run against every frame.
//
// A pattern with two or more stars is not run as a regular expression: a backtracking engine takes
// time that grows with the value's length to the power of the stars (`*a*a*b` against 8 KB of `a`
// runs for seconds), and a project's own rules, typed by a person, run on every event. Those
// patterns go through glob-linear.ts, whose time is the value's length times the pattern's.

export interface GlobOptions {
  doubleStar?: boolean;
  ignoreCase?: boolean;
  pathNormalize?: boolean;
}

export type GlobMatcher = (value: string) => boolean;

// Patterns come from the built-in rules and from projects' rules (and the console's previews of
// rules being typed), so the cache is bounded like the event caches.
const cache = new BoundedCache<GlobMatcher>({ maxEntries: 5_000, maxChars: 500_000, maxKeyLength: 1_024 });

function escapeRe(ch: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch;
}

function translate(pattern: string, doubleStar: boolean): string {
  let re = "";
  for (const token of globTokens(pattern, doubleStar)) {
    switch (token.kind) {
      case "literal":
        re += escapeRe(token.char);
        break;
      case "any":
        re += doubleStar ? "[^/]" : ".";
        break;
      case "class":
        re += token.source;
        break;
      case "star":
        re += token.crossesSlash ? ".*" : "[^/]*";
        break;
    }
  }
  return re;
}

function compile(pattern: string, opts: GlobOptions): GlobMatcher {
  const doubleStar = opts.doubleStar === true;
  const ignoreCase = opts.ignoreCase === true;
  if (starCount(pattern, doubleStar) >= 2)
    return linearGlobMatcher(globTokens(pattern, doubleStar), { doubleStar, ignoreCase });
  const re = new RegExp(`^(?:${translate(pattern, doubleStar)})$`, ignoreCase ? "is" : "s");
  return (value) => re.test(value);
}

export function compileGlob(pattern: string, opts: GlobOptions = {}): GlobMatcher {
  const key = `${opts.doubleStar ? 1 : 0}${opts.ignoreCase ? 1 : 0}${opts.pathNormalize ? 1 : 0}${pattern}`;
  let matcher = cache.get(key);
  if (!matcher) {
    const pat = opts.pathNormalize ? pattern.replace(/\\(?![*?[\]\\{}])/g, "/") : pattern;
    matcher = compile(pat, opts);
    cache.set(key, matcher);
  }
  return matcher;
}

export function globMatch(value: string, pattern: string, opts: GlobOptions = {}): boolean {
  const v = opts.pathNormalize ? value.replaceAll("\\", "/") : value;
  return compileGlob(pattern, opts)(v);
}
