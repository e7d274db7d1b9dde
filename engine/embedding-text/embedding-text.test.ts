import { describe, expect, it } from "vitest";
import type { SentryEvent, SentryFrame } from "@/engine/event/schema";
import { fingerprintEvent } from "@/engine/fingerprinting";
import { MAX_FRAME_COUNT, buildEmbeddingText, checkAiEligibility } from "./index";

function pyEvent(frames: SentryFrame[], extra: Partial<SentryEvent> = {}): SentryEvent {
  return {
    platform: "python",
    exception: { values: [{ type: "ValueError", value: "bad 42", stacktrace: { frames } }] },
    ...extra,
  };
}

const frame = (i: number): SentryFrame => ({
  filename: `mod${i}.py`,
  function: `fn${i}`,
  context_line: `  call_${i}()`,
  in_app: true,
});

describe("buildEmbeddingText, from an event", () => {
  it("writes the (parameterised) exception header, then each frame with its context line", () => {
    expect(buildEmbeddingText(pyEvent([frame(1), frame(2)]))).toBe(
      [
        "ValueError: bad <int>",
        '  File "mod1.py", function fn1',
        "    call_1()",
        '  File "mod2.py", function fn2',
        "    call_2()",
      ].join("\n"),
    );
  });
  it("keeps the 30 most recent frames", () => {
    const text = buildEmbeddingText(pyEvent(Array.from({ length: 40 }, (_, i) => frame(i))));
    expect(text.match(/File "/g)).toHaveLength(30);
    expect(text).not.toContain("fn9\n");
    expect(text).toContain("fn10");
    expect(text.trimEnd().endsWith("call_39()")).toBe(true);
  });
  it("keeps 20 frames when every context line was snipped from minified code, 30 otherwise", () => {
    const jsEvent = (path: string, line: (i: number) => string): SentryEvent => ({
      platform: "javascript",
      exception: {
        values: [
          {
            type: "TypeError",
            value: "x",
            stacktrace: {
              frames: Array.from({ length: 40 }, (_, i) => ({
                abs_path: path,
                function: `f${i}`,
                context_line: line(i),
                in_app: true,
              })),
            },
          },
        ],
      },
    });
    const snipped = buildEmbeddingText(jsEvent("https://x.io/static/app.js", (i) => `{snip} a.b(c,${i}) {snip}`));
    expect(snipped.match(/File "/g)).toHaveLength(20);
    // A bundle's name says nothing: its lines, when whole, are read as they are.
    const whole = buildEmbeddingText(jsEvent("https://x.io/static/app.min.js", (i) => `a.b(c,${i})`));
    expect(whole.match(/File "/g)).toHaveLength(30);
  });
  it("shares the frame budget across chained exceptions, the most recent (listed last) first", () => {
    const inner = {
      type: "KeyError",
      value: "k",
      stacktrace: { frames: Array.from({ length: 25 }, (_, i) => frame(i)) },
    };
    const outer = {
      type: "ValueError",
      value: "v",
      stacktrace: { frames: Array.from({ length: 25 }, (_, i) => frame(100 + i)) },
    };
    const text = buildEmbeddingText({ platform: "python", exception: { values: [inner, outer] } });
    expect(text.match(/File "/g)).toHaveLength(30);
    expect(text.startsWith("ValueError: v\n")).toBe(true);
    expect(text.indexOf("KeyError: k")).toBeGreaterThan(text.indexOf("call_124()"));
  });
  it("keeps the indented line of a frame without a context line, and says None for a frame without a file", () => {
    const text = buildEmbeddingText({
      platform: "java",
      exception: {
        values: [
          {
            type: "IllegalStateException",
            value: "closed",
            stacktrace: {
              frames: [
                { function: "checkout", in_app: true },
                { module: "com.shop.Pay", function: "charge", in_app: true },
              ],
            },
          },
        ],
      },
    });
    expect(text).toBe(
      [
        "IllegalStateException: closed",
        '  File "None", function checkout',
        "    ",
        '  File "com.shop.Pay", function charge',
      ].join("\n"),
    );
  });
});

describe("checkAiEligibility", () => {
  const ok = pyEvent([frame(1)]);
  it("accepts an event with a stacktrace on a supported platform", () => {
    expect(checkAiEligibility(ok, fingerprintEvent(ok))).toEqual({ eligible: true });
  });
  it("rejects events without a stacktrace, on platform other, with a custom fingerprint, or too long", () => {
    const msg: SentryEvent = { platform: "python", message: "hi" };
    expect(checkAiEligibility(msg, fingerprintEvent(msg))).toMatchObject({ eligible: false });
    const other = { ...ok, platform: "other" };
    expect(checkAiEligibility(other, fingerprintEvent(other))).toMatchObject({
      eligible: false,
      reason: "platform is not supported",
    });
    const custom = { ...ok, fingerprint: ["mine"] };
    expect(checkAiEligibility(custom, fingerprintEvent(custom))).toMatchObject({
      eligible: false,
      reason: "event has a custom fingerprint",
    });
    expect(checkAiEligibility(ok, fingerprintEvent(ok), { maxTokens: 5 })).toMatchObject({ eligible: false });
  });
  it("rejects a hybrid client fingerprint and a built-in rule's fingerprint, as Sentry does", () => {
    const hybrid = { ...ok, fingerprint: ["{{ default }}", "checkout"] };
    expect(checkAiEligibility(hybrid, fingerprintEvent(hybrid))).toMatchObject({ eligible: false });
    const chunk: SentryEvent = {
      platform: "javascript",
      exception: {
        values: [{ type: "ChunkLoadError", value: "Loading chunk 3 failed.", stacktrace: { frames: [frame(1)] } }],
      },
    };
    expect(checkAiEligibility(chunk, fingerprintEvent(chunk))).toMatchObject({
      eligible: false,
      reason: "event has a custom fingerprint",
    });
  });
  it("looks for frames on the last exception only, as Sentry's event_content_has_stacktrace does", () => {
    const lastBare: SentryEvent = {
      platform: "python",
      exception: {
        values: [
          { type: "A", value: "a", stacktrace: { frames: [frame(1)] } },
          { type: "B", value: "b" },
        ],
      },
    };
    expect(checkAiEligibility(lastBare, fingerprintEvent(lastBare))).toMatchObject({
      eligible: false,
      reason: "event has no stacktrace",
    });
  });
});

// Sentry's HasTooManyFramesTest (getsentry/sentry, tests/sentry/seer/similarity/test_utils.py):
// frames' in-app state and contribution come from these project stack trace rules.
describe("too many contributing frames (HasTooManyFramesTest)", () => {
  const rules = [
    "stack.function:runApp -app -group",
    "stack.function:handleRequest -app +group",
    "stack.function:recordMetrics +app -group",
    "stack.function:playFetch +app +group",
  ].join("\n");
  const contributingSystem = { function: "handleRequest", filename: "/node_modules/express/router.js" };
  const contributingInApp = { function: "playFetch", filename: "/dogApp/dogpark.js" };
  const nonContributingInApp = { function: "recordMetrics", filename: "/dogApp/metrics.js" };
  const exc = { type: "FailedToFetchError", value: "Charlie didn't bring the ball back" };
  const check = (event: SentryEvent) => checkAiEligibility(event, fingerprintEvent(event, { enhancements: rules }));
  const tooMany = { eligible: false, reason: expect.stringContaining("contributing frames") as unknown };
  const single = (platform: string, frames: SentryFrame[], extra: Partial<SentryEvent> = {}): SentryEvent => ({
    platform,
    exception: { values: [{ ...exc, stacktrace: { frames } }] },
    ...extra,
  });
  const repeat = (f: SentryFrame, n: number) => Array.from({ length: n }, () => ({ ...f }));

  // test_single_exception_simple, test_single_exception_bypassed_platform
  it("refuses more than 30 contributing frames, except on the platforms Sentry exempts", () => {
    expect(check(single("java", repeat(contributingInApp, MAX_FRAME_COUNT - 1)))).toEqual({ eligible: true });
    expect(check(single("java", repeat(contributingInApp, MAX_FRAME_COUNT + 1)))).toMatchObject(tooMany);
    expect(check(single("python", repeat(contributingInApp, MAX_FRAME_COUNT + 1)))).toEqual({ eligible: true });
  });
  // test_chained_exception_simple, test_chained_exception_bypassed_platform
  it("counts the frames of all chained exceptions together", () => {
    const chained = (platform: string, total: number): SentryEvent => ({
      platform,
      exception: {
        values: [
          { ...exc, stacktrace: { frames: repeat(contributingInApp, total / 2) } },
          { ...exc, stacktrace: { frames: repeat(contributingInApp, total / 2) } },
        ],
      },
    });
    expect(check(chained("java", MAX_FRAME_COUNT - 2))).toEqual({ eligible: true });
    expect(check(chained("java", MAX_FRAME_COUNT + 2))).toMatchObject(tooMany);
    expect(check(chained("python", MAX_FRAME_COUNT + 2))).toEqual({ eligible: true });
  });
  // test_ignores_non_contributing_frames
  it("ignores non-contributing frames", () => {
    const frames = [...repeat(contributingInApp, MAX_FRAME_COUNT - 1), ...repeat(nonContributingInApp, 2)];
    expect(check(single("java", frames))).toEqual({ eligible: true });
  });
  // test_prefers_app_frames, test_uses_app_or_system_variants. Under newstyle:2023-01-11 a `+group`
  // rule also makes an out-of-app frame count in the app variant, so the out-of-app frames that
  // must not count here are plain ones (Sentry's newer grouping keeps them out either way).
  it("counts the in-app frames when the app variant groups, else the system ones", () => {
    // Distinct frames: repeated ones would be ignored as recursion.
    const outOfApp = Array.from({ length: MAX_FRAME_COUNT + 1 }, (_, i) => ({
      function: `serve${i}`,
      filename: "/lib/server.js",
      in_app: false,
    }));
    const mixed = [...repeat(contributingInApp, MAX_FRAME_COUNT - 1), ...outOfApp];
    expect(check(single("java", mixed))).toEqual({ eligible: true });
    expect(check(single("java", outOfApp))).toMatchObject(tooMany);
    expect(check(single("java", repeat(contributingSystem, MAX_FRAME_COUNT + 1)))).toMatchObject(tooMany);
  });
  // test_ignores_events_not_grouped_on_stacktrace
  it("does not count frames of an event grouped by its fingerprint", () => {
    const custom = single("java", repeat(contributingSystem, MAX_FRAME_COUNT + 1), { fingerprint: ["dogs_are_great"] });
    expect(check(custom)).toEqual({ eligible: false, reason: "event has a custom fingerprint" });
  });
});
