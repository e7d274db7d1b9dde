/** A rule that cannot be read: where it went wrong (line and column from 1) and why. */
export class RulesTextError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`line ${line}, column ${column}: ${reason}`);
  }
}

/**
 * How much a project's rules text may hold, so that its rules cannot make grouping slow: every rule's patterns are
 * tried on the frames of every event (each pattern in time linear in the value: glob.ts). The built-in rules are
 * trusted and read without limits.
 */
export interface RulesTextLimits {
  /** Characters of the whole text. */
  maxChars: number;
  /** Rules (comment and blank lines not counted). */
  maxRules: number;
  /** Characters of one matcher's pattern. */
  maxPatternChars: number;
}

/** Reads one line; `limits` is passed on for the checks of what the line holds (pattern lengths). */
export type LineParser<Rule> = (line: string, lineNo: number, limits: RulesTextLimits | undefined) => Rule | null;

/** The line and column (from 1) of a character offset of the text. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r?\n/);
  return { line: before.length, column: (before[before.length - 1] as string).length + 1 };
}

/**
 * The rules of a rules text, one a line (numbered from 1); a line that `parseLine` turns into null adds none. With
 * limits, a text or a rule count past them is refused where it goes past.
 */
export function parseRulesText<Rule>(text: string, parseLine: LineParser<Rule>, limits?: RulesTextLimits): Rule[] {
  if (limits && text.length > limits.maxChars) {
    const { line, column } = positionOf(text, limits.maxChars);
    throw new RulesTextError(line, column, `the rules are longer than ${limits.maxChars} characters`);
  }
  const rules: Rule[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const rule = parseLine(line, i + 1, limits);
    if (!rule) return;
    if (limits && rules.length >= limits.maxRules) {
      throw new RulesTextError(i + 1, 1, `more than ${limits.maxRules} rules`);
    }
    rules.push(rule);
  });
  return rules;
}

/** Why a pattern is refused (longer than the limits allow), or null. */
export function patternTooLong(pattern: string, limits: RulesTextLimits | undefined): string | null {
  return limits && pattern.length > limits.maxPatternChars
    ? `the pattern is longer than ${limits.maxPatternChars} characters`
    : null;
}
