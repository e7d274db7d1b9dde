import type { Action, EnhancementRule, FlagKey, FrameMatcher, MatcherKey } from "./rule";
import { compileMatcher } from "./rule";
import { parseRulesText, patternTooLong, RulesTextError, type RulesTextLimits } from "../rules-text";

// Parser for the stack trace rules syntax (one rule per line, `#` comments):
//   [ caller-matcher ] | matcher… | [ callee-matcher ]  action…

/** A stack trace rule that cannot be read, with the line and column where it goes wrong. */
export class EnhancementParseError extends RulesTextError {}

const MATCHER_KEYS: Record<string, MatcherKey> = {
  "stack.module": "module",
  "stack.abs_path": "path",
  "stack.package": "package",
  "stack.function": "function",
  "error.type": "type",
  "error.value": "value",
  "error.mechanism": "mechanism",
  module: "module",
  path: "path",
  package: "package",
  function: "function",
  category: "category",
  family: "family",
  app: "app",
};

const VARS = new Set(["max-frames", "min-frames", "invert-stacktrace", "category"]);
const FLAG_ACTION = /^([\^v]?)([+-])(group|app|prefix|sentinel)$/;
const VAR_ACTION = /^([a-zA-Z0-9_.-]+)=(.+)$/;
const MATCHER = /^(!?)([a-zA-Z0-9_.-]+|"[a-zA-Z0-9_.:-]+"):(.*)$/s;

function unescapeQuoted(s: string): string {
  return s.replace(/\\(.)/g, (_, c: string) => (c === '"' || c === "\\" ? c : `\\${c}`));
}

interface Token {
  text: string;
  /** Where it starts in its line (from 0). */
  at: number;
}

/** Splits a line into tokens, keeping quoted strings whole and `[`, `]`, `|` separate. */
function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let cur = "";
  let start = 0;
  const flush = () => {
    if (cur) tokens.push({ text: cur, at: start });
    cur = "";
  };
  const add = (ch: string, at: number) => {
    if (!cur) start = at;
    cur += ch;
  };
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (ch === '"') {
      const open = i;
      for (i++; i < line.length && line[i] !== '"'; i++) if (line[i] === "\\") i++;
      if (!cur) start = open;
      cur += line.slice(open, i + 1);
    } else if (/\s/.test(ch)) {
      flush();
    } else if (ch === "#" && cur === "") {
      break;
    } else if ((ch === "[" && cur === "") || ch === "]" || (ch === "|" && cur === "")) {
      flush();
      tokens.push({ text: ch, at: i });
    } else {
      add(ch, i);
    }
  }
  flush();
  return tokens;
}

function parseMatcher(
  token: Token | undefined,
  offset: -1 | 0 | 1,
  fail: (at: number, reason: string) => EnhancementParseError,
  limits: RulesTextLimits | undefined,
  lineEnd: number,
): FrameMatcher {
  if (!token) throw fail(lineEnd, "expected a matcher such as module:foo.* here");
  const m = MATCHER.exec(token.text);
  if (!m)
    throw fail(token.at, `expected a matcher such as module:foo.* or an action such as -app, found "${token.text}"`);
  const rawKey = (m[2] as string).replace(/^"|"$/g, "");
  const key = MATCHER_KEYS[rawKey];
  if (!key) throw fail(token.at + (m[1] as string).length, `unknown matcher "${rawKey}"`);
  let pattern = m[3] as string;
  const patternAt = token.at + token.text.length - pattern.length;
  if (pattern.startsWith('"')) {
    if (!pattern.endsWith('"') || pattern.length < 2) throw fail(patternAt, "the quoted pattern has no closing quote");
    pattern = unescapeQuoted(pattern.slice(1, -1));
  }
  const tooLong = patternTooLong(pattern, limits);
  if (tooLong) throw fail(patternAt, tooLong);
  const base = { key, pattern, negated: m[1] === "!", offset };
  return { ...base, test: compileMatcher(base) };
}

function describeMatcher(m: FrameMatcher): string {
  const p = /\s/.test(m.pattern) ? `"${m.pattern}"` : m.pattern;
  const d = `${m.key}:${p}`;
  if (m.offset === -1) return `[ ${d} ] |`;
  if (m.offset === 1) return `| [ ${d} ]`;
  return d;
}

function describeAction(a: Action): string {
  if (a.kind === "var") return `${a.name}=${a.value}`;
  const range = a.range === "up" ? "^" : a.range === "down" ? "v" : "";
  return `${range}${a.flag ? "+" : "-"}${a.key}`;
}

function parseLine(line: string, lineNo: number, limits: RulesTextLimits | undefined): EnhancementRule | null {
  const fail = (at: number, reason: string) => new EnhancementParseError(lineNo, at + 1, reason);
  const tokens = tokenize(line);
  if (tokens.length === 0) return null;
  const text = (i: number) => tokens[i]?.text;
  const end = line.trimEnd().length;
  const matchers: FrameMatcher[] = [];
  const actions: Action[] = [];
  let i = 0;
  if (text(0) === "[") {
    if (text(2) !== "]" || text(3) !== "|") {
      throw fail(tokens[2]?.at ?? end, 'a caller matcher is written "[ matcher ] |"');
    }
    matchers.push(parseMatcher(tokens[1], -1, fail, limits, end));
    i = 4;
  }
  for (; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const t = token.text;
    if (t === "|") {
      if (text(i + 1) !== "[" || text(i + 3) !== "]") {
        throw fail(token.at, 'a callee matcher is written "| [ matcher ]"');
      }
      matchers.push(parseMatcher(tokens[i + 2], 1, fail, limits, end));
      i += 3;
      continue;
    }
    const flag = FLAG_ACTION.exec(t);
    if (flag) {
      const range = flag[1] === "^" ? "up" : flag[1] === "v" ? "down" : null;
      actions.push({ kind: "flag", key: flag[3] as FlagKey, flag: flag[2] === "+", range });
      continue;
    }
    const v = VAR_ACTION.exec(t);
    if (v && !t.includes(":")) {
      const name = v[1] as string;
      if (!VARS.has(name)) throw fail(token.at, `unknown variable "${name}"`);
      const value = v[2] as string;
      if ((name === "max-frames" || name === "min-frames") && !/^\d+$/.test(value)) {
        throw fail(token.at + name.length + 1, `invalid value "${value}" for "${name}" (a whole number)`);
      }
      actions.push({ kind: "var", name: name as "category", value });
      continue;
    }
    if (actions.length > 0) throw fail(token.at, `the matcher "${t}" comes after the actions`);
    matchers.push(parseMatcher(token, 0, fail, limits, end));
  }
  if (actions.length === 0) throw fail(end, "the rule has no actions (such as -app or +group)");
  if (matchers.length === 0) throw fail(tokens[0]?.at ?? 0, "the rule has no matchers");
  const description = [...matchers.map(describeMatcher), ...actions.map(describeAction)].join(" ");
  const family = matchers.find((m) => m.key === "family" && m.offset === 0 && !m.negated);
  const families = family && !family.pattern.split(",").includes("all") ? new Set(family.pattern.split(",")) : null;
  // Cheap matchers first; which one fails first does not change the outcome.
  matchers.sort((a, b) => Number(b.key === "family") - Number(a.key === "family"));
  return {
    matchers,
    families,
    actions,
    description,
    isModifier: actions.some((a) => (a.kind === "flag" ? a.key === "app" : a.name === "category")),
    isUpdater: actions.some((a) => a.kind === "flag" || a.name !== "category"),
  };
}

/**
 * Parses stack trace rules text; throws an EnhancementParseError naming the line and column of the first bad rule.
 * With limits (a project's rules), a text, a rule count or a pattern past them is refused too.
 */
export function parseEnhancements(text: string, limits?: RulesTextLimits): EnhancementRule[] {
  return parseRulesText(text, parseLine, limits);
}
