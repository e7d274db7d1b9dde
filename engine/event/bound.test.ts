import { describe, expect, it } from "vitest";
import { boundEvent, TOO_DEEP_PLACEHOLDER } from "./bound";
import { MAX_BOUND_NOTES_PER_TYPE, MAX_DEPTH, MAX_FRAMES, MAX_MESSAGE_CHARS, MAX_SYMBOL_CHARS } from "./limits";
import { fastParseEvent } from "./fast-parse";
import { eventSchema, parseEvent, type SentryEvent } from "./schema";

function parsed(raw: unknown): SentryEvent {
  const result = parseEvent(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.event;
}

const frames = (n: number, fn = (i: number) => `f${i}`) =>
  Array.from({ length: n }, (_, i) => ({ function: fn(i), module: "app", lineno: i }));

describe("boundEvent", () => {
  it("leaves an event within the limits as it is, without notes", () => {
    const event = parsed({
      platform: "python",
      exception: { values: [{ type: "ValueError", value: "bad 😀", stacktrace: { frames: frames(3) } }] },
      extra: { nested: { a: [1, 2, { b: "c" }] } },
      tags: [["k", "v"]],
    });
    const { event: bounded, notes } = boundEvent(event);
    expect(notes).toEqual([]);
    expect(bounded).toEqual(event);
    expect(bounded).not.toBe(event);
  });

  it("trims a 1 MB exception value to 8,192 characters and notes it", () => {
    const event = parsed({ exception: { values: [{ type: "E", value: "a".repeat(1 << 20) }] } });
    const { event: bounded, notes } = boundEvent(event);
    const value = bounded.exception?.values?.[0]?.value as string;
    expect(value).toHaveLength(MAX_MESSAGE_CHARS);
    expect(value.endsWith("aaa...")).toBe(true);
    expect(notes).toEqual([
      { type: "value_too_long", name: "exception.values.0.value", original_length: 1 << 20, length: MAX_MESSAGE_CHARS },
    ]);
    expect((bounded as { errors?: unknown }).errors).toEqual(notes);
    expect(event.exception?.values?.[0]?.value).toHaveLength(1 << 20);
  });

  it("keeps the 250 most recent frames of a stack trace, as Relay does", () => {
    const event = parsed({ exception: { values: [{ type: "E", stacktrace: { frames: frames(20_000) } }] } });
    const { event: bounded, notes } = boundEvent(event);
    const kept = bounded.exception?.values?.[0]?.stacktrace?.frames ?? [];
    expect(kept).toHaveLength(MAX_FRAMES);
    expect(kept[0]?.function).toBe("f19750");
    expect(kept.at(-1)?.function).toBe("f19999");
    expect(notes).toEqual([
      { type: "too_many_frames", name: "exception.values.0.stacktrace.frames", original_length: 20_000, kept: 250 },
    ]);
  });

  it("trims symbols and paths to a few hundred characters", () => {
    const event = parsed({ stacktrace: { frames: [{ function: "f".repeat(1000), abs_path: "/p".repeat(1000) }] } });
    const frame = boundEvent(event).event.stacktrace?.frames?.[0];
    expect(frame?.function).toHaveLength(MAX_SYMBOL_CHARS);
    expect(frame?.abs_path).toHaveLength(256);
  });

  it("escapes NUL characters in values and keys and replaces unpaired surrogates", () => {
    const event = parsed({
      platform: "php",
      exception: {
        values: [
          {
            type: "Error",
            value: "bad\u0000value \ud800 ok 😀",
            stacktrace: { frames: [{ function: "class@anonymous\u0000/var/www/app.php:12$0" }] },
          },
        ],
      },
      extra: { "key\u0000with nul": "v" },
    });
    const { event: bounded, notes } = boundEvent(event);
    const exception = bounded.exception?.values?.[0];
    expect(exception?.value).toBe("bad\\0value \ufffd ok 😀");
    expect(exception?.stacktrace?.frames?.[0]?.function).toBe("class@anonymous\\0/var/www/app.php:12$0");
    expect((bounded as { extra?: unknown }).extra).toEqual({ "key\\0with nul": "v" });
    expect(notes.map((n) => n.type)).toEqual(["invalid_characters", "invalid_characters"]);
    expect(JSON.stringify(bounded)).not.toMatch(/\\u0000|\\ud800/);
  });

  it("names fields by their stored keys, so that no note holds a NUL either", () => {
    const long = `${"k".repeat(300)}\u0000`;
    const { event: bounded, notes } = boundEvent(parsed({ extra: { "a\u0000": { [long]: "\u0000" } } }));
    expect(notes).toEqual([
      { type: "key_too_long", name: `extra.a\\0.${"k".repeat(256)}`, original_length: 301 },
      { type: "invalid_characters", name: `extra.a\\0.${"k".repeat(256)}`, nul: 1, lone_surrogates: 0 },
    ]);
    expect(JSON.stringify(bounded)).not.toMatch(/\\u0000/);
  });

  it("never cuts a surrogate pair in half", () => {
    const value = `${"a".repeat(MAX_MESSAGE_CHARS - 4)}${"😀".repeat(10)}`;
    const bounded = boundEvent(parsed({ exception: { values: [{ value }] } })).event;
    const trimmed = bounded.exception?.values?.[0]?.value as string;
    expect(trimmed).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(trimmed.endsWith("a...")).toBe(true);
  });

  it("replaces nesting deeper than the limit, however deep, without recursing", () => {
    let deep: unknown = "bottom";
    for (let i = 0; i < 100_000; i++) deep = { d: deep };
    const { event: bounded, notes } = boundEvent(parsed({ message: "deep", extra: { deep } }));
    let node = (bounded as { extra: { deep: unknown } }).extra.deep;
    let levels = 2;
    while (typeof node === "object" && node !== null) {
      node = (node as { d: unknown }).d;
      levels++;
    }
    expect(node).toBe(TOO_DEEP_PLACEHOLDER);
    expect(levels).toBe(MAX_DEPTH + 1);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ type: "too_deep", max_depth: MAX_DEPTH });
    expect(() => JSON.stringify(bounded)).not.toThrow();
  });

  it("caps threads but keeps the crashed and current ones, so grouping picks the same thread", () => {
    const threads = Array.from({ length: 500 }, (_, i) => ({ id: i, crashed: i === 400, current: i === 450 }));
    const kept = boundEvent(parsed({ threads: { values: threads } })).event.threads?.values ?? [];
    expect(kept).toHaveLength(100);
    expect(kept.filter((t) => t?.crashed).map((t) => t?.id)).toEqual([400]);
    expect(kept.filter((t) => t?.current).map((t) => t?.id)).toEqual([450]);
  });

  it("keeps the most recent chained exceptions", () => {
    const values = Array.from({ length: 1_000 }, (_, i) => ({ type: `E${i}` }));
    const kept = boundEvent(parsed({ exception: { values } })).event.exception?.values ?? [];
    expect(kept).toHaveLength(100);
    expect(kept.at(-1)?.type).toBe("E999");
  });

  it("keeps a fixed number of notes of each kind and counts the rest", () => {
    const many = frames(300, (i) => `${i}${"x".repeat(300)}`);
    const { notes } = boundEvent(parsed({ stacktrace: { frames: many } }));
    expect(notes).toHaveLength(1 + MAX_BOUND_NOTES_PER_TYPE + 1);
    expect(notes[0]).toMatchObject({ type: "too_many_frames", original_length: 300 });
    expect(notes.at(-1)).toEqual({
      type: "notes_omitted",
      of: "value_too_long",
      count: 250 - MAX_BOUND_NOTES_PER_TYPE,
    });
  });

  it("keeps the notes through the schema (fast path and zod agree)", () => {
    const bounded = boundEvent(parsed({ exception: { values: [{ value: "v".repeat(10_000) }] } })).event;
    const copy = JSON.parse(JSON.stringify(bounded)) as unknown;
    expect(fastParseEvent(copy)).toEqual(eventSchema.parse(copy));
    expect((fastParseEvent(copy) as { errors?: unknown[] }).errors).toHaveLength(1);
  });

  it("takes time linear in the event's size", () => {
    const start = performance.now();
    boundEvent(parsed({ stacktrace: { frames: Array.from({ length: 120_000 }, () => ({})) } }));
    boundEvent(parsed({ extra: { list: Array.from({ length: 200_000 }, (_, i) => ({ i, s: "x\u0000" })) } }));
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});
