import { describe, expect, it } from "vitest";
import type { SentryEvent, SentryFrame } from "@/lib/event/schema";
import { fingerprintEvent } from "@/lib/fingerprinting";
import { buildEmbeddingText, checkAiEligibility } from "./index";

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

describe("buildEmbeddingText", () => {
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
  it("keeps 20 frames for minified code", () => {
    const frames = Array.from({ length: 40 }, (_, i) => ({
      abs_path: `https://x.io/app.min.js`,
      filename: "app.min.js",
      function: `f${i}`,
      in_app: true,
    }));
    const text = buildEmbeddingText({
      platform: "javascript",
      exception: { values: [{ type: "TypeError", value: "x", stacktrace: { frames } }] },
    });
    expect(text.match(/File "/g)).toHaveLength(20);
  });
  it("shares the frame budget across chained exceptions, most recent first", () => {
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
    expect(text.startsWith("KeyError: k\n")).toBe(true);
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
});
