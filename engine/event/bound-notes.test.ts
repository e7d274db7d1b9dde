import { describe, expect, it } from "vitest";
import { boundEvent } from "./bound";
import { describeBoundNotes } from "./bound-notes";
import { repairEvent } from "./fast-parse";
import { parseEvent } from "./schema";

describe("describeBoundNotes", () => {
  it("says what boundEvent trimmed, in words", () => {
    const parsed = parseEvent({
      exception: {
        values: [
          {
            type: "E",
            value: "a".repeat(1 << 20),
            stacktrace: { frames: Array.from({ length: 20_000 }, () => ({ function: "f\u0000" })) },
          },
        ],
      },
    });
    if (!parsed.ok) throw new Error("invalid");
    const { event } = boundEvent(parsed.event);
    expect(describeBoundNotes((event as { errors?: unknown }).errors).slice(0, 3)).toEqual([
      "exception.values.0.value: trimmed from 1,048,576 to 8,192 characters",
      "exception.values.0.stacktrace.frames: frames 1–19,750 of 20,000 removed (the 250 most recent kept)",
      "exception.values.0.stacktrace.frames.0.function: 1 NUL character escaped as \\0",
    ]);
    expect(describeBoundNotes((event as { errors?: unknown }).errors).at(-1)).toBe(
      "and 230 more values with escaped characters",
    );
  });

  it("says which values of the wrong type repairEvent removed", () => {
    const frames = Array.from({ length: 25 }, () => ({ lineno: "12" }));
    const { event } = repairEvent({ stacktrace: { frames }, sdk: [1] });
    const lines = describeBoundNotes((event as { errors?: unknown }).errors);
    expect(lines[0]).toBe('stacktrace.frames.0.lineno: removed ("12"), expected a number, got a string');
    expect(lines.at(-1)).toBe("and 6 more removed values of the wrong type");
  });

  it("ignores what it does not know (entries an SDK sent, malformed notes)", () => {
    expect(describeBoundNotes(undefined)).toEqual([]);
    expect(describeBoundNotes("x")).toEqual([]);
    expect(
      describeBoundNotes([
        { type: "js_no_source", url: "a.js" },
        { type: "value_too_long", name: 3 },
        null,
        { type: "too_deep", name: "extra.a", max_depth: 16 },
      ]),
    ).toEqual(["extra.a: nested deeper than 16 levels, removed"]);
  });
});
