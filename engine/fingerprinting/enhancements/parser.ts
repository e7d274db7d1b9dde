import type { Action, EnhancementRule, FlagKey, FrameMatcher, MatcherKey } from "./rule";
import { compileMatcher } from "./rule";
import { parseRulesText } from "../rules-text";

// Parser for the stack trace rules syntax (one rule per line, `#` comments):
//   [ caller-matcher ] | matcher… | [ callee-matcher ]  action…

export class EnhancementParseError extends Error {}

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

/** Splits a line into tokens, keeping quoted strings whole and `[`, `]`, `|` separate. */
function tokenize(line: string): string[] {
  const tokens: string[] = [];
  let cur = "";
  const flush = () => {
    if (cur) tokens.push(cur);
    cur = "";
  };
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (ch === '"') {
      const start = i;
      for (i++; i < line.length && line[i] !== '"'; i++) if (line[i] === "\\") i++;
      cur += line.slice(start, i + 1);
    } else if (/\s/.test(ch)) {
      flush();
    } else if (ch === "#" && cur === "") {
      break;
    } else if ((ch === "[" && cur === "") || ch === "]" || (ch === "|" && cur === "")) {
      flush();
      tokens.push(ch);
    } else {
      cur += ch;
    }
  }
  flush();
  return tokens;
}

function parseMatcher(token: string, offset: -1 | 0 | 1, lineNo: number): FrameMatcher {
  const m = MATCHER.exec(token);
  if (!m) throw new EnhancementParseError(`line ${lineNo}: invalid matcher "${token}"`);
  const rawKey = (m[2] as string).replace(/^"|"$/g, "");
  const key = MATCHER_KEYS[rawKey];
  if (!key) throw new EnhancementParseError(`line ${lineNo}: unknown matcher "${rawKey}"`);
  let pattern = m[3] as string;
  if (pattern.startsWith('"') && pattern.endsWith('"') && pattern.length >= 2) {
    pattern = unescapeQuoted(pattern.slice(1, -1));
  }
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

function parseLine(line: string, lineNo: number): EnhancementRule | null {
  const tokens = tokenize(line);
  if (tokens.length === 0) return null;
  const matchers: FrameMatcher[] = [];
  const actions: Action[] = [];
  let i = 0;
  if (tokens[0] === "[") {
    if (tokens[2] !== "]" || tokens[3] !== "|") throw new EnhancementParseError(`line ${lineNo}: bad caller matcher`);
    matchers.push(parseMatcher(tokens[1] ?? "", -1, lineNo));
    i = 4;
  }
  for (; i < tokens.length; i++) {
    const t = tokens[i] as string;
    if (t === "|") {
      if (tokens[i + 1] !== "[" || tokens[i + 3] !== "]")
        throw new EnhancementParseError(`line ${lineNo}: bad callee matcher`);
      matchers.push(parseMatcher(tokens[i + 2] ?? "", 1, lineNo));
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
      if (!VARS.has(name)) throw new EnhancementParseError(`line ${lineNo}: unknown variable "${name}"`);
      const value = v[2] as string;
      if ((name === "max-frames" || name === "min-frames") && !/^\d+$/.test(value)) {
        throw new EnhancementParseError(`line ${lineNo}: invalid value "${value}" for "${name}"`);
      }
      actions.push({ kind: "var", name: name as "category", value });
      continue;
    }
    if (actions.length > 0) throw new EnhancementParseError(`line ${lineNo}: matcher "${t}" after actions`);
    matchers.push(parseMatcher(t, 0, lineNo));
  }
  if (actions.length === 0) throw new EnhancementParseError(`line ${lineNo}: rule has no actions`);
  if (matchers.length === 0) throw new EnhancementParseError(`line ${lineNo}: rule has no matchers`);
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

/** Parses rules text; throws `EnhancementParseError` naming the line of the first bad rule. */
export function parseEnhancements(text: string): EnhancementRule[] {
  return parseRulesText(text, parseLine);
}
