import { describe, expect, it } from "vitest";
import { fingerprintEvent } from "./index";
import { fingerprintRulesProblem, PROJECT_RULES_LIMITS, stackTraceRulesProblem } from "./project-rules";

// What a person typing rules in the console is told: the line and column where the rule goes wrong.

describe("fingerprint rules", () => {
  it("accepts Sentry's syntax: comments, quoted patterns, negation, tags, variables and a title", () => {
    const text = [
      "# database outages are one issue",
      'error.type:DatabaseUnavailable module:"io.sentry.*" -> database-unavailable',
      '!tags.server_name:"web-*" message:"a -> b" -> {{ default }}, {{ transaction }} title="Arrow"',
      "error.value:*timeout*->timeouts",
    ].join("\n");
    expect(fingerprintRulesProblem(text)).toBeNull();
  });

  it.each([
    ["error.type:ValueError", 1, 22, 'missing "->"'],
    ["error.type:A -> x\nerrortype:ValueError -> x", 2, 1, 'unknown matcher "errortype"'],
    ["error.type:A !wat:b -> x", 1, 15, 'unknown matcher "wat"'],
    ['  message:"unclosed -> x', 1, 11, "no closing quote"],
    ["error.type: -> x", 1, 12, 'the matcher "error.type" has no pattern'],
    ["error.type:A ->", 1, 16, "the fingerprint after -> is empty"],
    ['error.type:A -> x colour="red"', 1, 19, 'unknown attribute "colour"'],
    ["-> x", 1, 1, "no matchers"],
    ["error.type:A junk -> x", 1, 14, 'expected a matcher such as error.type:ValueError, found "junk"'],
  ])("refuses %j at line %i, column %i", (text, line, column, message) => {
    const problem = fingerprintRulesProblem(text);
    expect(problem).toMatchObject({ line, column });
    expect(problem?.message).toContain(message);
  });

  it("bounds a project's rules: pattern length, rule count and text length", () => {
    const long = "a".repeat(PROJECT_RULES_LIMITS.maxPatternChars + 1);
    expect(fingerprintRulesProblem(`error.type:A\nmessage:${long} -> x`.replace("A\n", "A -> y\n"))).toMatchObject({
      line: 2,
      column: 9,
      message: `the pattern is longer than ${PROJECT_RULES_LIMITS.maxPatternChars} characters`,
    });
    const many = Array.from({ length: PROJECT_RULES_LIMITS.maxRules + 1 }, (_, i) => `error.type:E${i} -> e${i}`);
    expect(fingerprintRulesProblem(many.join("\n"))).toMatchObject({
      line: PROJECT_RULES_LIMITS.maxRules + 1,
      column: 1,
    });
    const huge = `# ${"x".repeat(PROJECT_RULES_LIMITS.maxChars)}`;
    expect(fingerprintRulesProblem(huge)?.message).toContain(`longer than ${PROJECT_RULES_LIMITS.maxChars} characters`);
  });

  it("groups by a rule whose pattern could make a backtracking matcher run for minutes, in milliseconds", () => {
    const rules = "error.value:*a*a*a*a*a*a*a*a*a*a*b -> never\nerror.value:*a*a*a*a* -> many-a";
    expect(fingerprintRulesProblem(rules)).toBeNull();
    const event = { platform: "python", exception: { values: [{ type: "E", value: "a".repeat(8_000) }] } };
    const started = performance.now();
    const result = fingerprintEvent(event, { fingerprintingRules: rules });
    expect(result.variants["custom-fingerprint"]?.values).toEqual(["many-a"]);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe("stack trace rules", () => {
  it("accepts Sentry's syntax: caller and callee matchers, ranges, variables, quoted patterns", () => {
    const text = [
      "module:foo -app",
      "[ function:main ] | function:run ^-group",
      'path:"**/my dir/**" +app | [ module:bar ]',
      "family:native max-frames=3",
    ].join("\n");
    expect(stackTraceRulesProblem(text)).toBeNull();
  });

  it.each([
    ["module:foo", 1, 11, "no actions"],
    ["module:foo -app\nmodul:foo -app", 2, 1, 'unknown matcher "modul"'],
    ["module:foo -app module:bar", 1, 17, 'the matcher "module:bar" comes after the actions'],
    ["module:foo max-frames=lots", 1, 23, 'invalid value "lots" for "max-frames"'],
    ["module:foo colour=red", 1, 12, 'unknown variable "colour"'],
    ["[ module:foo | module:bar -app", 1, 14, "caller matcher"],
    ['module:"foo -app', 1, 8, "no closing quote"],
    ["-app", 1, 1, "no matchers"],
    ["module:foo apps", 1, 12, 'found "apps"'],
  ])("refuses %j at line %i, column %i", (text, line, column, message) => {
    const problem = stackTraceRulesProblem(text);
    expect(problem).toMatchObject({ line, column });
    expect(problem?.message).toContain(message);
  });
});
