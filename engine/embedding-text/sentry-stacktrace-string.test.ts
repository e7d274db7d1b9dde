import { describe, expect, it } from "vitest";
import type { FingerprintResult, GroupingComponent } from "@/engine/fingerprinting";
import { component } from "@/engine/fingerprinting/component";
import { buildEmbeddingText } from "./index";
import {
  BASE64_ENCODED_PREFIXES,
  IGNORED_FILENAMES,
  MAX_FRAME_COUNT,
  isSnippedContextLine,
  stacktraceString,
} from "./stacktrace-string";

// The cases and expected strings of Sentry's own tests of `get_stacktrace_string`
// (getsentry/sentry, tests/sentry/seer/similarity/test_utils.py, class GetStacktraceStringTest),
// each rebuilt as the grouping tree regroup produces for it. Our tree names the context line
// `context-line`, as the grouping config newstyle:2023-01-11 does.

const leaf = (id: string, value: string, contributes = true): GroupingComponent =>
  component(id, { values: [value], contributes });

interface FrameSpec {
  module?: string;
  filename?: string;
  function?: string;
  context?: string;
  contributes?: boolean;
}

function frame(spec: FrameSpec): GroupingComponent {
  const contributes = spec.contributes ?? true;
  const values: GroupingComponent[] = [];
  if (spec.module !== undefined) values.push(leaf("module", spec.module, contributes));
  if (spec.filename !== undefined) values.push(leaf("filename", spec.filename, false));
  if (spec.function !== undefined) values.push(leaf("function", spec.function, contributes));
  if (spec.context !== undefined) values.push(leaf("context-line", spec.context, contributes));
  return component("frame", { values, contributes });
}

function exception(type: string, value: string, frames: GroupingComponent[], contributes = true): GroupingComponent {
  return component("exception", {
    contributes,
    values: [component("stacktrace", { values: frames }), leaf("type", type), leaf("value", value, false)],
  });
}

const root = (variant: string, ...children: GroupingComponent[]) => component(variant, { values: children });
const app = (...children: GroupingComponent[]) => root("app", ...children);
const chained = (...exceptions: GroupingComponent[]) => app(component("chained-exception", { values: exceptions }));

// BASE_APP_DATA's frame and exception.
const divideFrame = (over: FrameSpec = {}) =>
  frame({
    module: "__main__",
    filename: "python_onboarding.py",
    function: "divide_by_zero",
    context: "divide = 1/0",
    ...over,
  });
const zeroDivision = (frames: GroupingComponent[] = [divideFrame()], contributes = true) =>
  exception("ZeroDivisionError", "division by zero", frames, contributes);
const EXPECTED =
  'ZeroDivisionError: division by zero\n  File "python_onboarding.py", function divide_by_zero\n    divide = 1/0';

// create_frames(num, contributes, start, context_line_factory, minified_frames)
function frames(
  count: number,
  opts: {
    contributes?: boolean;
    start?: number;
    line?: (i: number) => string;
    minified?: "all" | "some" | "none";
  } = {},
): GroupingComponent[] {
  const { contributes = true, start = 1, line = (i: number) => `test = ${i}!`, minified = "none" } = opts;
  const out: GroupingComponent[] = [];
  for (let i = start; i < start + count; i++) {
    const snip = minified === "all" || (minified === "some" && i % 2 === 0);
    const context = snip ? `{snip}${line(i)}{snip}` : line(i);
    out.push(frame({ filename: "hello.py", function: "hello_there", context, contributes }));
  }
  return out;
}

/**
 * The text of the Inner/Middle/Outer chain of `framesEach` frames each once the frame budget is spent: all of the outer
 * exception's frames, the middle one's from `firstMiddle` on, none of the inner one's. `shown` is how a context line
 * reads in the text.
 */
function truncatedChainText(framesEach: number, firstMiddle: number, shown: (line: string) => string): string {
  const fileLine = (line: string) => `\n  File "hello.py", function hello_there\n    ${shown(line)}`;
  const range = (from: number) => Array.from({ length: framesEach + 1 - from }, (_, k) => from + k);
  return [
    "OuterException: no way",
    ...range(1).map((i) => fileLine(`outer line ${i}`)),
    "\nMiddleException: un-uh",
    ...range(firstMiddle).map((i) => fileLine(`middle line ${i}`)),
    "\nInnerException: nope",
  ].join("");
}

const variants = (v: Partial<Record<"app" | "system", GroupingComponent>>): FingerprintResult => ({
  variants: Object.fromEntries(
    Object.entries(v).map(([name, c]) => [name, { hash: "hash", type: "component" as const, component: c }]),
  ),
  hashes: ["hash"],
});

describe("stacktraceString, on the cases of Sentry's test_utils.py", () => {
  // test_simple
  it("writes the header, then each frame and its context line", () => {
    expect(stacktraceString(app(zeroDivision()))).toBe(EXPECTED);
  });

  // test_contributing_exception_no_frames, test_contributing_exception_no_contributing_frames
  it("keeps the header of an exception without (contributing) frames", () => {
    expect(stacktraceString(app(zeroDivision([])))).toBe("ZeroDivisionError: division by zero");
    expect(stacktraceString(app(zeroDivision(frames(1, { contributes: false }))))).toBe(
      "ZeroDivisionError: division by zero",
    );
  });

  // test_no_contributing_exception, test_no_stacktrace, test_no_exception
  it("skips a non-contributing exception and anything that is not an exception, thread or stack", () => {
    expect(stacktraceString(app(zeroDivision(undefined, false)))).toBe("");
    expect(stacktraceString(app())).toBe("");
    expect(stacktraceString(app({ ...zeroDivision(), id: "not-exception" }))).toBe("");
  });

  // test_non_contributing_frame
  it("leaves out non-contributing frames", () => {
    expect(stacktraceString(app(zeroDivision([divideFrame(), ...frames(1, { contributes: false })])))).toBe(EXPECTED);
  });

  // test_chained
  it("puts the most recent (outermost, listed last) exception first", () => {
    const outer = exception("Exception", "Catch divide by zero error", [
      divideFrame({ function: "<module>", context: "divide_by_zero()" }),
      divideFrame({ context: 'raise Exception("Catch divide by zero error")' }),
    ]);
    expect(stacktraceString(chained(zeroDivision(), outer))).toBe(
      'Exception: Catch divide by zero error\n  File "python_onboarding.py", function <module>\n    divide_by_zero()\n' +
        '  File "python_onboarding.py", function divide_by_zero\n    raise Exception("Catch divide by zero error")\n' +
        EXPECTED,
    );
  });

  // test_chained_stacktrace_truncation
  it("spends the 30-frame budget from the most recent exception, keeping its most recent frames", () => {
    const text = stacktraceString(
      chained(
        exception("InnerException", "nope", frames(25, { line: (i) => `inner line ${i}` })),
        exception("MiddleException", "un-uh", frames(25, { line: (i) => `middle line ${i}` })),
        exception("OuterException", "no way", frames(25, { line: (i) => `outer line ${i}` })),
      ),
    );
    expect(text).toBe(truncatedChainText(25, 21, (line) => line));
  });

  // test_chained_stacktrace_truncation_all_minified_js
  it("keeps 20 frames when every context line is minified", () => {
    const text = stacktraceString(
      chained(
        exception("InnerException", "nope", frames(15, { line: (i) => `inner line ${i}`, minified: "all" })),
        exception("MiddleException", "un-uh", frames(15, { line: (i) => `middle line ${i}`, minified: "all" })),
        exception("OuterException", "no way", frames(15, { line: (i) => `outer line ${i}`, minified: "all" })),
      ),
    );
    expect(text).toBe(truncatedChainText(15, 11, (line) => `{snip}${line}{snip}`));
  });

  // test_chained_stacktrace_truncation_minified_js_frame_limit_is_lower,
  // test_stacktrace_truncation_minified_js_frame_limit_is_lower
  it("limits fully minified stacks to 20 frames, others (some minified lines) to 30", () => {
    for (const [minified, expected] of [
      ["all", 20],
      ["some", 30],
      ["none", 30],
    ] as const) {
      const chainedText = stacktraceString(
        chained(
          exception("InnerException", "nope", frames(25, { line: (i) => `inner line ${i}`, minified })),
          exception("MiddleException", "un-uh", frames(25, { line: (i) => `middle line ${i}`, minified })),
          exception("OuterException", "no way", frames(25, { line: (i) => `outer line ${i}`, minified })),
        ),
      );
      expect(chainedText.match(/(outer|middle|inner) line/g)).toHaveLength(expected);
      const single = stacktraceString(
        app(exception("Exception", "it broke", frames(40, { line: (i) => `context line ${i}`, minified }))),
      );
      expect(single.match(/context line/g)).toHaveLength(expected);
    }
  });

  // test_chained_exception_limit
  it("keeps the last 30 exceptions of a chain", () => {
    const text = stacktraceString(
      chained(
        ...Array.from({ length: MAX_FRAME_COUNT + 1 }, (_, k) =>
          exception("Exception", `exception ${k + 1} message!`, frames(1, { line: (i) => `line ${i}` })),
        ),
      ),
    );
    for (let i = 2; i <= MAX_FRAME_COUNT + 1; i++) expect(text).toContain(`exception ${i} message!`);
    expect(text).not.toContain("exception 1 message!");
  });

  // test_thread (MOBILE_THREAD_DATA) and test_no_header_one_frame_no_filename
  it("writes a thread's frames without a header, the empty context line's indent trimmed at the end", () => {
    const thread = (filename: string | undefined) =>
      app(
        component("threads", {
          values: [
            component("stacktrace", {
              values: [frame({ module: "module", filename, function: "TestHandler" })],
            }),
          ],
        }),
      );
    expect(stacktraceString(thread("filename"))).toBe('File "filename", function TestHandler');
    // One frame, no header and no filename: too little to group on.
    const noFilename = thread(undefined);
    expect(stacktraceString(noFilename)).toBe("");
  });

  // test_stacktrace_truncation_uses_in_app_contributing_frames
  it("truncates over the contributing frames only", () => {
    const text = stacktraceString(
      app(
        zeroDivision([...frames(20), ...frames(20, { contributes: false, start: 21 }), ...frames(20, { start: 41 })]),
      ),
    );
    for (let i = 1; i <= 10; i++) expect(text).not.toContain(`test = ${i}!`);
    for (let i = 11; i <= 20; i++) expect(text).toContain(`test = ${i}!`);
    for (let i = 21; i <= 40; i++) expect(text).not.toContain(`test = ${i}!`);
    for (let i = 41; i <= 60; i++) expect(text).toContain(`test = ${i}!`);
    expect(text.match(/File "/g)).toHaveLength(MAX_FRAME_COUNT);
  });

  // test_recognizes_snip_at_start_or_end
  it("recognises {snip} at either end of a context line", () => {
    expect(isSnippedContextLine("{snip} dogs are great")).toBe(true);
    expect(isSnippedContextLine("dogs are great {snip}")).toBe(true);
    expect(isSnippedContextLine("{snip} dogs are great {snip}")).toBe(true);
    expect(isSnippedContextLine("dogs are great")).toBe(false);
  });

  // test_only_frame_base64_encoded_filename
  it("leaves out a frame whose filename is an inline base64 script", () => {
    for (const prefix of BASE64_ENCODED_PREFIXES) {
      const filename = `${prefix} extra content that could be long and useless`;
      expect(stacktraceString(app(zeroDivision([divideFrame({ filename })])))).toBe(
        "ZeroDivisionError: division by zero",
      );
    }
  });

  // test_only_stacktrace_frames (ONLY_STACKTRACE)
  it("writes a bare stacktrace without a header, an empty function kept", () => {
    const only = app(
      component("stacktrace", {
        values: [
          component("frame", {
            values: [leaf("filename", "index.php"), leaf("context-line", "$server->emit($server->run());")],
          }),
        ],
      }),
    );
    expect(stacktraceString(only)).toBe('File "index.php", function \n    $server->emit($server->run());');
  });

  // test_replace_file_with_module, test_no_filename_or_module
  it("names the module when there is no filename, and None when there is neither", () => {
    expect(stacktraceString(app(zeroDivision([divideFrame({ filename: undefined })])))).toBe(
      'ZeroDivisionError: division by zero\n  File "__main__", function divide_by_zero\n    divide = 1/0',
    );
    expect(stacktraceString(app(zeroDivision([divideFrame({ filename: undefined, module: undefined })])))).toBe(
      'ZeroDivisionError: division by zero\n  File "None", function divide_by_zero\n    divide = 1/0',
    );
  });

  // test_ignores_meaningless_filenames
  it("treats a filename that names no file as missing", () => {
    for (const filename of IGNORED_FILENAMES) {
      expect(stacktraceString(app(zeroDivision([divideFrame({ filename, module: undefined })])))).toBe(
        'ZeroDivisionError: division by zero\n  File "None", function divide_by_zero\n    divide = 1/0',
      );
    }
  });
});

describe("buildEmbeddingText picks the variant as Sentry does", () => {
  // test_system, test_app_and_system, test_no_app_no_system
  it("uses app when it has a hash, else system, else nothing", () => {
    expect(buildEmbeddingText({}, variants({ system: root("system", zeroDivision()) }))).toBe(EXPECTED);
    const system = root("system", zeroDivision(frames(1)));
    expect(buildEmbeddingText({}, variants({ app: app(zeroDivision()), system }))).toBe(EXPECTED);
    expect(buildEmbeddingText({}, { variants: {}, hashes: [] })).toBe("");
  });
});
