import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fastParseEvent } from "./fast-parse";
import { eventSchema } from "./schema";

// The fast path must accept only what zod accepts, and return exactly zod's output (key order
// included). Compared on hand-written edge cases, the corpus inputs and mutations of them.

function zodParse(input: unknown): unknown {
  const r = eventSchema.safeParse(input);
  return r.success ? r.data : null;
}

function expectSame(input: unknown): void {
  const fast = fastParseEvent(input);
  if (fast === null) return; // zod decides
  const slow = zodParse(input);
  expect(slow).not.toBeNull();
  expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
  expect(fast).toStrictEqual(slow);
}

const EDGE_CASES: unknown[] = [
  {},
  { platform: "python", unknown: 1, "0": "numeric key first", event_id: null, level: undefined },
  { exception: [{ type: "E" }, null] },
  { exception: { type: "E", value: 3 } },
  { exception: { values: null, other: 1 } },
  { exception: { value: true, module: "m" } },
  { exception: "nope" },
  { threads: [{ id: 1, crashed: true, stacktrace: { frames: [null, { lineno: 3, colno: null }] } }] },
  { threads: { values: [{ id: "x" }] } },
  { tags: { a: "b", c: 1, d: null, e: false } },
  { tags: [["a", "b"], null, ["c", 2]] },
  { tags: [["a"]] },
  { tags: [["a", "b", "c"]] },
  { tags: [["a", undefined]] },
  { tags: { a: { nested: true } } },
  { message: "hello" },
  { message: { message: "m %s", formatted: "m x", params: ["x"] } },
  { fingerprint: ["a", 1, true, null] },
  { stacktrace: { frames: [{ lineno: Number.NaN }] } },
  { stacktrace: { frames: [{ lineno: Number.POSITIVE_INFINITY }] } },
  { stacktrace: { frames: [{ pre_context: ["a", null], data: { sourcemap: "x", u: undefined } }] } },
  { stacktrace: { frames: [{ pre_context: [undefined] }] } },
  { stacktrace: { frames: [, { function: "f" }] } },
  { stacktrace: { frames: [{ function: new String("f") }] } },
  { stacktrace: new Date() },
  Object.assign(Object.create(null) as object, { platform: "c" }),
  { csp: { blocked_uri: "self", extra: [1] }, sdk: { name: "s", version: null } },
  { release: 1.5, dist: false, environment: "prod" },
  [],
  null,
  "string",
];

const CORPUS = fileURLToPath(new URL("../../../shared/corpora/sentry-grouping", import.meta.url));

function corpusInputs(): unknown[] {
  const out: unknown[] = [];
  for (const sub of ["grouping/inputs", "fingerprinting/inputs"]) {
    const dir = join(CORPUS, sub);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".json"))) {
      out.push(JSON.parse(readFileSync(join(dir, f), "utf8")));
    }
  }
  return out;
}

// Replaces one nested value (chosen by a seeded walk) with a value of another type.
const REPLACEMENTS: unknown[] = [null, undefined, 0, 1.5, -0, "s", true, [], {}, ["a", "b"], [null], Number.NaN];

function mutate(input: unknown, seed: number): unknown {
  const copy = structuredClone(input) as unknown;
  const slots: [Record<string | number, unknown>, string | number][] = [];
  const walk = (v: unknown) => {
    if (v === null || typeof v !== "object") return;
    for (const k of Object.keys(v)) {
      slots.push([v as Record<string, unknown>, k]);
      walk((v as Record<string, unknown>)[k]);
    }
  };
  walk(copy);
  if (slots.length === 0) return copy;
  const [holder, key] = slots[(seed * 7919) % slots.length] as [Record<string, unknown>, string];
  holder[key] = REPLACEMENTS[seed % REPLACEMENTS.length];
  return copy;
}

describe("fastParseEvent", () => {
  it("matches zod on edge cases", () => {
    for (const input of EDGE_CASES) expectSame(input);
    expect(fastParseEvent({ stacktrace: { frames: [{ lineno: "ten" }] } })).toBeNull();
  });

  it("matches zod on the corpus inputs and mutations of them", () => {
    const inputs = corpusInputs();
    let accepted = 0;
    for (const input of inputs) {
      expect(fastParseEvent(input)).not.toBeNull();
      expectSame(input);
      for (let seed = 0; seed < 40; seed++) {
        const mutated = mutate(input, seed);
        if (fastParseEvent(mutated) !== null) accepted++;
        expectSame(mutated);
      }
    }
    if (inputs.length > 0) expect(accepted).toBeGreaterThan(0);
  });
});
