import { BoundedCache, cached } from "@/engine/event/bounded-cache";
import type { Family } from "@/engine/event/platform";
import { globMatch } from "../glob";

// One stack trace rule ("enhancement"): frame matchers, optionally on the caller (`[ … ] |`) or
// callee (`| [ … ]`) frame, and actions that classify frames (`+app`, `category=…`), change
// whether they count for grouping (`-group`, `^-group`, `v-group`) or set stacktrace-wide
// variables (`max-frames=…`, `min-frames=…`, `invert-stacktrace=…`).

export interface MatchFrame {
  category: string | null;
  family: Family;
  function: string;
  inApp: boolean | null;
  module: string | null;
  /** Lowercased, `\` normalised to `/`: path-like matchers are case-insensitive. */
  package: string | null;
  path: string | null;
}

export interface ExceptionData {
  type: string | null;
  value: string | null;
  mechanism: string | null;
}

export type MatcherKey =
  "path" | "function" | "module" | "family" | "package" | "app" | "type" | "value" | "mechanism" | "category";

export interface FrameMatcher {
  key: MatcherKey;
  pattern: string;
  negated: boolean;
  /** Which frame it looks at relative to the current one: -1 caller, +1 callee. */
  offset: -1 | 0 | 1;
  test: (frame: MatchFrame, exc: ExceptionData | null) => boolean;
}

export type FlagKey = "group" | "app" | "prefix" | "sentinel";

export type Action =
  | { kind: "flag"; key: FlagKey; flag: boolean; range: "up" | "down" | null }
  | { kind: "var"; name: "max-frames" | "min-frames" | "invert-stacktrace" | "category"; value: string };

export interface EnhancementRule {
  matchers: FrameMatcher[];
  actions: Action[];
  /** The rule as shown in hints, e.g. `category:threadbase -group v-group`. */
  description: string;
  /** Sets in_app or category on frames (runs once, before grouping). */
  isModifier: boolean;
  /** Changes contributions or stacktrace variables (runs per variant). */
  isUpdater: boolean;
  /** Families the rule can match at all (from a `family:` matcher), or null for any. */
  families: ReadonlySet<string> | null;
}

export function parseRuleBool(value: string): boolean | null {
  const v = value.toLowerCase();
  if (v === "1" || v === "yes" || v === "true" || v === "on") return true;
  if (v === "0" || v === "no" || v === "false" || v === "off") return false;
  return null;
}

function pathLikeMatch(pattern: string, value: string): boolean {
  const opts = { doubleStar: true, pathNormalize: true };
  if (globMatch(value, pattern, opts)) return true;
  return !value.startsWith("/") && globMatch(`/${value}`, pattern, opts);
}

const GLOB_CHARS = /[*?[\\]/;
// Per matcher, and there are a few hundred: symbols and paths (256 characters once bounded) are
// cached, exception values and other long strings are tested every time.
const MEMO_LIMITS = { maxEntries: 20_000, maxChars: 200_000, maxKeyLength: 512 };

// Frame values repeat across events (the same function and module names), so each matcher
// remembers its answers; this is what keeps ~300 rules × every frame cheap.
function memoized(test: (value: string) => boolean): (value: string) => boolean {
  const memo = new BoundedCache<boolean>(MEMO_LIMITS);
  return (value) => cached(memo, value, test);
}

/** A test of one string field of a frame; a frame without the field does not match. */
function fieldTest(
  key: "path" | "package" | "function" | "module" | "category",
  test: (value: string) => boolean,
): FrameMatcher["test"] {
  return (f) => {
    const v = f[key];
    return v !== null && test(v);
  };
}

/** Compiles a matcher into a test of one frame (the positive match; negation is applied by the caller). */
export function compileMatcher(m: Omit<FrameMatcher, "test">): FrameMatcher["test"] {
  switch (m.key) {
    case "family": {
      const flags = new Set(m.pattern.split(","));
      if (flags.has("all")) return () => true;
      return (f) => flags.has(f.family);
    }
    case "app": {
      const ref = parseRuleBool(m.pattern);
      return (f) => ref !== null && ref === (f.inApp === true);
    }
    case "path":
    case "package": {
      const test = memoized((v) => pathLikeMatch(m.pattern.toLowerCase(), v));
      return fieldTest(m.key, test);
    }
    case "function":
    case "module":
    case "category": {
      const key = m.key;
      if (!GLOB_CHARS.test(m.pattern)) return (f) => f[key] === m.pattern;
      const test = memoized((v) => globMatch(v, m.pattern));
      return fieldTest(key, test);
    }
    case "type":
    case "value":
    case "mechanism": {
      const key = m.key;
      const test = memoized((v) => globMatch(v, m.pattern));
      return (_f, exc) => test((exc && exc[key]) || "<unknown>");
    }
  }
}

/** Whether the rule matches frame `idx` of `frames` (oldest first). */
export function ruleMatches(
  rule: EnhancementRule,
  frames: readonly MatchFrame[],
  idx: number,
  exc: ExceptionData | null,
): boolean {
  for (const m of rule.matchers) {
    const j = idx + m.offset;
    const frame = frames[j];
    if (frame === undefined) return false;
    if (m.test(frame, exc) === m.negated) return false;
  }
  return true;
}
