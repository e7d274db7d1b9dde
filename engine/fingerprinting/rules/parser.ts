import type { FingerprintRule } from "./types";
import { DEFAULT_FINGERPRINT_VAR, isDefaultFingerprintVar } from "./types";
import { isKnownMatcher } from "./match";
import { parseRulesText, patternTooLong, RulesTextError, type RulesTextLimits } from "../rules-text";

// The fingerprint rules text syntax, one rule per line:
//   error.type:DatabaseUnavailable module:io.sentry.* -> database-unavailable, {{ transaction }} title="…"

/** A fingerprint rule that cannot be read, with the line and column where it goes wrong. */
export class FingerprintRuleParseError extends RulesTextError {}

const KEY = /(!?)([a-zA-Z0-9_.-]+|"[a-zA-Z0-9_.:-]+"):/y;
const QUOTED = /"((?:[^"\\]|\\.)*)"/y;
const UNQUOTED = /^[^\s"]+/;
const SPACE = /\s*/y;
const TOKEN = /\s*(?:([a-zA-Z0-9_.-]+)="((?:[^"\\]|\\.)*)"|"((?:[^"\\]|\\.)*)"|(\{\{\s*\S+\s*\}\}|[^\s{,"]+))\s*,?/y;

function unescape(s: string): string {
  return s.replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c === "t" ? "\t" : c));
}

/** Runs a sticky pattern at `at`; the match, or null. */
function stickyAt(re: RegExp, line: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(line);
}

function skipSpace(line: string, at: number): number {
  return at + (stickyAt(SPACE, line, at)?.[0].length ?? 0);
}

/** Where `->` is, outside quoted patterns (-1 when there is none), and where a quote left open starts. */
function arrowAt(line: string): { arrow: number; openQuote: number } {
  let openQuote = -1;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (openQuote >= 0 && ch === "\\") i++;
    else if (ch === '"') openQuote = openQuote >= 0 ? -1 : i;
    else if (openQuote < 0 && ch === "-" && line[i + 1] === ">") return { arrow: i, openQuote };
  }
  return { arrow: -1, openQuote };
}

function parseLine(line: string, lineNo: number, limits: RulesTextLimits | undefined): FingerprintRule | null {
  const fail = (at: number, reason: string) => new FingerprintRuleParseError(lineNo, at + 1, reason);
  let at = skipSpace(line, 0);
  if (at === line.length || line[at] === "#") return null;
  const { arrow, openQuote } = arrowAt(line);
  if (openQuote >= 0) throw fail(openQuote, "the quoted pattern has no closing quote");
  if (arrow < 0) throw fail(line.trimEnd().length, 'missing "->" between the matchers and the fingerprint');

  const matchers: [string, string][] = [];
  while (at < arrow) {
    const key = stickyAt(KEY, line, at);
    if (!key || key.index + key[0].length > arrow) {
      throw fail(at, `expected a matcher such as error.type:ValueError, found "${line.slice(at, arrow).trim()}"`);
    }
    const name = (key[2] as string).replace(/"/g, "");
    if (!isKnownMatcher(name)) throw fail(at + (key[1] as string).length, `unknown matcher "${name}"`);
    at += key[0].length;
    const patternAt = at;
    let pattern: string;
    const quoted = stickyAt(QUOTED, line, at);
    if (quoted) {
      pattern = unescape(quoted[1] as string);
      at += quoted[0].length;
    } else if (line[at] === '"') {
      throw fail(at, "the quoted pattern has no closing quote");
    } else {
      pattern = UNQUOTED.exec(line.slice(at, arrow))?.[0] ?? "";
      at += pattern.length;
    }
    if (!quoted && pattern === "") throw fail(patternAt, `the matcher "${name}" has no pattern`);
    const tooLong = patternTooLong(pattern, limits);
    if (tooLong) throw fail(patternAt, tooLong);
    if (at < arrow && !/\s/.test(line[at] as string)) throw fail(at, "expected a space between two matchers");
    matchers.push([`${key[1]}${name}`, pattern]);
    at = skipSpace(line, at);
  }
  if (matchers.length === 0) throw fail(at, "the rule has no matchers before its ->");

  const fingerprint: string[] = [];
  const attributes: { title?: string } = {};
  at = arrow + 2;
  while (skipSpace(line, at) < line.length) {
    const token = stickyAt(TOKEN, line, at);
    if (!token) {
      const start = skipSpace(line, at);
      throw fail(start, `expected a fingerprint value, found "${line.slice(start, start + 30)}"`);
    }
    if (token[1] !== undefined) {
      if (token[1] !== "title") throw fail(skipSpace(line, at), `unknown attribute "${token[1]}" (only title=)`);
      attributes.title = unescape(token[2] as string);
    } else {
      const value = token[3] !== undefined ? unescape(token[3]) : (token[4] as string);
      fingerprint.push(isDefaultFingerprintVar(value) ? DEFAULT_FINGERPRINT_VAR : value);
    }
    at += token[0].length;
  }
  if (fingerprint.length === 0) throw fail(arrow + 2, "the fingerprint after -> is empty");
  return { matchers, fingerprint, attributes };
}

/**
 * Parses fingerprint rules text; throws a FingerprintRuleParseError naming the line and column of the first bad rule.
 * With limits (a project's rules), a text, a rule count or a pattern past them is refused too.
 */
export function parseFingerprintRules(text: string, limits?: RulesTextLimits): FingerprintRule[] {
  return parseRulesText(text, parseLine, limits);
}
