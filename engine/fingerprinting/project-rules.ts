import { parseEnhancements } from "./enhancements/parser";
import { parseFingerprintRules } from "./rules/parser";
import { RulesTextError, type RulesTextLimits } from "./rules-text";

// A project's own grouping rules, as a person types them in the console: read with limits, so that no project can
// make grouping slow for itself (every pattern runs on every event's frames, in time linear in the value: glob.ts).

/** The limits of each of a project's two rules texts. */
export const PROJECT_RULES_LIMITS: RulesTextLimits = { maxChars: 16_000, maxRules: 200, maxPatternChars: 200 };

/** What is wrong with a rules text: where (line and column from 1) and why. */
export interface RulesProblem {
  line: number;
  column: number;
  message: string;
}

function problemOf(read: () => unknown): RulesProblem | null {
  try {
    read();
    return null;
  } catch (error) {
    if (error instanceof RulesTextError) return { line: error.line, column: error.column, message: error.reason };
    throw error;
  }
}

/** The first problem of a project's fingerprint rules, or null when they can be saved. */
export function fingerprintRulesProblem(text: string): RulesProblem | null {
  return problemOf(() => parseFingerprintRules(text, PROJECT_RULES_LIMITS));
}

/** The first problem of a project's stack trace rules, or null when they can be saved. */
export function stackTraceRulesProblem(text: string): RulesProblem | null {
  return problemOf(() => parseEnhancements(text, PROJECT_RULES_LIMITS));
}
