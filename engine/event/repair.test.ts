import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fastParseEvent, repairEvent } from "./fast-parse";
import { MAX_BOUND_NOTES_PER_TYPE } from "./limits";
import { eventSchema } from "./schema";

// repairEvent keeps an event with a badly typed field, without that field and with a note, as Relay does; what it
// returns must be accepted unchanged by the strict parse and by zod, whatever the input.

const frameWith = (fields: Record<string, unknown>) => ({
  exception: { values: [{ type: "KeyError", value: "'x'", stacktrace: { frames: [{ function: "a" }, fields] } }] },
});

function expectStrictlyValid(repaired: unknown): void {
  expect(fastParseEvent(repaired)).toStrictEqual(repaired);
  const zod = eventSchema.safeParse(repaired);
  expect(zod.success, JSON.stringify(zod.error?.issues)).toBe(true);
  expect(JSON.stringify(zod.data)).toBe(JSON.stringify(repaired));
}

describe("repairEvent", () => {
  it("drops a frame's string lineno, keeps the rest of the event, and notes it as Sentry's invalid_data", () => {
    const input = frameWith({ function: "b", lineno: "12", colno: 4 });
    const { event, notes } = repairEvent(input);
    const frame = event?.exception?.values?.[0]?.stacktrace?.frames?.[1];
    expect(frame).toEqual({ function: "b", colno: 4 });
    expect(event?.exception?.values?.[0]?.type).toBe("KeyError");
    expect(notes).toEqual([
      {
        type: "invalid_data",
        name: "exception.values.0.stacktrace.frames.1.lineno",
        reason: "expected a number, got a string",
        value: "12",
      },
    ]);
    expect((event as { errors?: unknown }).errors).toEqual(notes);
    expectStrictlyValid(event);
  });

  it("drops what cannot be read in every position: a list, an element, a pair, a number too large", () => {
    const input = {
      message: 42,
      exception: [{ type: "E", stacktrace: { frames: { 0: { function: "f" } } } }, "not an exception"],
      threads: { values: [{ id: { x: 1 }, crashed: "yes" }] },
      stacktrace: { frames: [{ lineno: JSON.parse("1e400") as number, pre_context: ["a", 3] }, "frame"] },
      tags: [["ok", "1"], ["bad", { nested: true }], ["x"]],
      fingerprint: ["{{ default }}", { not: "a string" }],
      sdk: "sentry.python",
      errors: [{ type: "js_no_source", url: "a.js" }],
    };
    const { event, notes } = repairEvent(input);
    expect(event).toMatchObject({
      message: "42",
      exception: { values: [{ type: "E", stacktrace: {} }, null] },
      threads: { values: [{}] },
      stacktrace: { frames: [{ pre_context: ["a", null] }, null] },
      tags: [["ok", "1"], null, null],
    });
    expect(event).not.toHaveProperty("fingerprint");
    expect(event).not.toHaveProperty("sdk");
    expect(notes.map((note) => (note.type === "invalid_data" ? [note.name, note.value] : note))).toEqual([
      ["exception.values.0.stacktrace.frames", undefined],
      ["exception.values.1", "not an exception"],
      ["threads.values.0.id", undefined],
      ["threads.values.0.crashed", "yes"],
      ["stacktrace.frames.0.lineno", "Infinity"],
      ["stacktrace.frames.0.pre_context.1", 3],
      ["stacktrace.frames.1", "frame"],
      ["sdk", "sentry.python"],
      ["tags.1", undefined],
      ["tags.2", undefined],
      ["fingerprint", undefined],
    ]);
    // An SDK's own entries stay first.
    expect((event as { errors: unknown[] }).errors[0]).toEqual({ type: "js_no_source", url: "a.js" });
    expectStrictlyValid(event);
  });

  it("keeps at most a few notes, and counts the rest", () => {
    const frames = Array.from({ length: 20_000 }, (_, i) => ({ function: `f${i}`, lineno: String(i) }));
    const { event, notes } = repairEvent({ stacktrace: { frames } });
    expect(event?.stacktrace?.frames).toHaveLength(20_000);
    expect(notes).toHaveLength(MAX_BOUND_NOTES_PER_TYPE + 1);
    expect(notes.at(-1)).toEqual({
      type: "notes_omitted",
      of: "invalid_data",
      count: 20_000 - MAX_BOUND_NOTES_PER_TYPE,
    });
  });

  it("returns a valid event unchanged, without notes, and no event for a value that is not an object", () => {
    const valid = frameWith({ function: "b", lineno: 12 });
    expect(repairEvent(valid)).toEqual({ event: fastParseEvent(valid), notes: [] });
    expect(repairEvent([1]).event).toBeNull();
    expect(repairEvent("x").event).toBeNull();
  });
});

const CORPUS = fileURLToPath(new URL("../../../shared/corpora/sentry-grouping", import.meta.url));
const REPLACEMENTS: unknown[] = [null, 0, 1.5, "s", "12", true, [], {}, ["a", "b"], [null], [{}], { a: [1] }, Infinity];

function* mutations(input: unknown): Generator<unknown> {
  const holders: [Record<string, unknown>, string][] = [];
  const walk = (v: unknown) => {
    if (v === null || typeof v !== "object") return;
    for (const k of Object.keys(v)) {
      holders.push([v as Record<string, unknown>, k]);
      walk((v as Record<string, unknown>)[k]);
    }
  };
  walk(input);
  for (let seed = 0; seed < 40 && holders.length > 0; seed++) {
    const [holder, key] = holders[(seed * 7919) % holders.length] as [Record<string, unknown>, string];
    const original = holder[key];
    holder[key] = REPLACEMENTS[seed % REPLACEMENTS.length];
    yield structuredClone(input);
    holder[key] = original;
  }
}

describe("repairEvent on the corpus inputs with one value replaced by one of another type", () => {
  it("always leaves an event that the strict parse and zod accept unchanged", () => {
    const dir = join(CORPUS, "grouping/inputs");
    const files = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith(".json")) : [];
    let repaired = 0;
    for (const file of files.slice(0, 150)) {
      const input = JSON.parse(readFileSync(join(dir, file), "utf8")) as unknown;
      for (const mutated of mutations(input)) {
        const { event, notes } = repairEvent(mutated);
        if (event === null) continue;
        if (notes.length > 0) repaired++;
        expectStrictlyValid(event);
      }
    }
    if (files.length > 0) expect(repaired).toBeGreaterThan(100);
  });
});
