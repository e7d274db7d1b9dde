import type { FingerprintRule } from "./types";
import { DEFAULT_FINGERPRINT_VAR, isDefaultFingerprintVar } from "./types";
import { parseRulesText } from "../rules-text";

// The fingerprint rules text syntax, one rule per line:
//   error.type:DatabaseUnavailable module:io.sentry.* -> database-unavailable, {{ transaction }} title="…"

export class FingerprintRuleParseError extends Error {}

const KEY = /^(!?)([a-zA-Z0-9_.-]+|"[a-zA-Z0-9_.:-]+"):/;
const QUOTED = /^"((?:[^"\\]|\\.)*)"/;

function unescape(s: string): string {
  return s.replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c === "t" ? "\t" : c));
}

function parseLine(line: string, lineNo: number): FingerprintRule | null {
  let rest = line.trim();
  if (!rest || rest.startsWith("#")) return null;
  const arrow = rest.indexOf("->");
  if (arrow < 0) throw new FingerprintRuleParseError(`line ${lineNo}: missing "->"`);
  const matchers: [string, string][] = [];
  let lhs = rest.slice(0, arrow).trim();
  while (lhs) {
    const k = KEY.exec(lhs);
    if (!k) throw new FingerprintRuleParseError(`line ${lineNo}: invalid matcher near "${lhs.slice(0, 30)}"`);
    lhs = lhs.slice(k[0].length);
    let pattern: string;
    const q = QUOTED.exec(lhs);
    if (q) {
      pattern = unescape(q[1] as string);
      lhs = lhs.slice(q[0].length);
    } else {
      const m = /^\S+/.exec(lhs);
      pattern = m ? m[0] : "";
      lhs = lhs.slice(pattern.length);
    }
    matchers.push([`${k[1]}${(k[2] as string).replace(/"/g, "")}`, pattern]);
    lhs = lhs.trimStart();
  }
  if (matchers.length === 0) throw new FingerprintRuleParseError(`line ${lineNo}: rule has no matchers`);

  rest = rest.slice(arrow + 2);
  const fingerprint: string[] = [];
  const attributes: { title?: string } = {};
  const TOKEN = /\s*(?:([a-zA-Z0-9_.-]+)="((?:[^"\\]|\\.)*)"|"((?:[^"\\]|\\.)*)"|(\{\{\s*\S+\s*\}\}|[^\s{,]+))\s*,?/y;
  for (TOKEN.lastIndex = 0; TOKEN.lastIndex < rest.length;) {
    if (!rest.slice(TOKEN.lastIndex).trim()) break;
    const m = TOKEN.exec(rest);
    if (!m) throw new FingerprintRuleParseError(`line ${lineNo}: invalid fingerprint near "${rest.slice(0, 30)}"`);
    if (m[1] !== undefined) {
      if (m[1] !== "title") throw new FingerprintRuleParseError(`line ${lineNo}: unknown attribute "${m[1]}"`);
      attributes.title = unescape(m[2] as string);
    } else {
      const value = m[3] !== undefined ? unescape(m[3]) : (m[4] as string);
      fingerprint.push(isDefaultFingerprintVar(value) ? DEFAULT_FINGERPRINT_VAR : value);
    }
  }
  if (fingerprint.length === 0) throw new FingerprintRuleParseError(`line ${lineNo}: empty fingerprint`);
  return { matchers, fingerprint, attributes };
}

/** Parses fingerprint rules text; throws naming the line of the first bad rule. */
export function parseFingerprintRules(text: string): FingerprintRule[] {
  return parseRulesText(text, parseLine);
}
