import "server-only";
import type { GroupingRules, ValidateGroupingRulesResponse } from "@/lib/contracts/grouping-settings";
import { fingerprintRulesProblem, stackTraceRulesProblem } from "@/engine/fingerprinting/project-rules";
import { ValidationError } from "../http/errors";

/** The first problem of each rules text (line, column, reason), or null for a text that can be saved. */
export function validateGroupingRules(rules: GroupingRules): ValidateGroupingRulesResponse {
  return {
    fingerprintRules: fingerprintRulesProblem(rules.fingerprintRules),
    stackTraceRules: stackTraceRulesProblem(rules.stackTraceRules),
  };
}

/**
 * Refuses rules that cannot be read: a 400 whose details put each problem beside its field, as
 * `line L, column C: reason` (with the line and column as numbers too).
 */
export function assertRulesReadable(rules: GroupingRules): void {
  const problems = validateGroupingRules(rules);
  const details = (["fingerprintRules", "stackTraceRules"] as const).flatMap((field) => {
    const problem = problems[field];
    return problem
      ? [
          {
            path: [field],
            message: `line ${problem.line}, column ${problem.column}: ${problem.message}`,
            line: problem.line,
            column: problem.column,
          },
        ]
      : [];
  });
  if (details.length > 0) {
    const names = { fingerprintRules: "fingerprint rules", stackTraceRules: "stack trace rules" };
    const first = details[0]!;
    throw new ValidationError(`The ${names[first.path[0]!]} cannot be read: ${first.message}.`, details);
  }
}
