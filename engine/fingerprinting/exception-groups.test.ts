import { describe, expect, it } from "vitest";
import type { SentryEvent } from "@/engine/event/schema";
import { iterValues } from "./component";
import { fingerprintEvent } from "./index";

interface Exc {
  type: string;
  value: string;
  id?: number;
  parent?: number;
  group?: boolean;
  frames?: string[];
}

function exception({ type, value, id, parent, group, frames }: Exc) {
  return {
    type,
    value,
    ...(id !== undefined && {
      mechanism: {
        type: "chained",
        exception_id: id,
        ...(parent !== undefined && { parent_id: parent }),
        ...(group && { is_exception_group: true }),
      },
    }),
    ...(frames && {
      stacktrace: { frames: frames.map((fn) => ({ function: fn, filename: "app.js", in_app: true })) },
    }),
  };
}

function event(platform: string, excs: Exc[], sdkVersion?: string): SentryEvent {
  return {
    platform,
    exception: { values: excs.map(exception) },
    ...(sdkVersion && { sdk: { name: "sentry.python", version: sdkVersion } }),
  };
}

/** The exception types that take part in the event's hash, in hash order. */
function typesInHash(ev: SentryEvent): string[] {
  const variant = Object.values(fingerprintEvent(ev).variants).find((v) => v.hash !== null);
  const types = new Set(["Error", "TypeError", "RangeError", "AggregateError", "ValueError", "KeyError"]);
  return iterValues(variant!.component).filter((v) => types.has(v));
}

describe("exception groups and chains with mechanism ids (Sentry's RFC 0079)", () => {
  it("group a cause chain from the root down, whatever order the SDK lists it in", () => {
    // @sentry/node lists a cause chain innermost first: [cause (id 1, parent 0), error (id 0)].
    const chain = event("node", [
      { type: "TypeError", value: "x is undefined", id: 1, parent: 0, frames: ["parse"] },
      { type: "Error", value: "could not load", id: 0, frames: ["load"] },
    ]);
    expect(typesInHash(chain)).toEqual(["Error", "TypeError"]);
    // Without ids the list order stays.
    const plain = event("python", [
      { type: "KeyError", value: "a", frames: ["f"] },
      { type: "ValueError", value: "b", frames: ["g"] },
    ]);
    expect(typesInHash(plain)).toEqual(["KeyError", "ValueError"]);
  });

  it("group a group of alike errors as one of them, and a group of different errors as each kind plus the group", () => {
    const alike = (n: number) =>
      event("javascript", [
        ...Array.from({ length: n }, (_, i) => ({
          type: "TypeError",
          value: "fetch failed",
          id: i + 1,
          parent: 0,
          frames: ["request"],
        })),
        { type: "AggregateError", value: "all failed", id: 0, group: true, frames: ["main"] },
      ]);
    expect(typesInHash(alike(3))).toEqual(["TypeError"]);
    // Three alike children or two: the same issue.
    expect(fingerprintEvent(alike(3)).hashes).toEqual(fingerprintEvent(alike(2)).hashes);

    const mixed = event("javascript", [
      { type: "TypeError", value: "a", id: 1, parent: 0, frames: ["request"] },
      { type: "RangeError", value: "b", id: 2, parent: 0, frames: ["decode"] },
      { type: "AggregateError", value: "all failed", id: 0, group: true, frames: ["main"] },
    ]);
    expect(typesInHash(mixed)).toEqual(["TypeError", "RangeError", "AggregateError"]);
  });

  it("use the list as sent when the ids cannot make a tree, or for sentry-python 3", () => {
    const repeated = event("node", [
      { type: "TypeError", value: "a", id: 0, frames: ["f"] },
      { type: "Error", value: "b", id: 0, frames: ["g"] },
    ]);
    expect(typesInHash(repeated)).toEqual(["TypeError", "Error"]);
    const ownParent = event("node", [
      { type: "TypeError", value: "a", id: 1, parent: 1, frames: ["f"] },
      { type: "Error", value: "b", id: 0, frames: ["g"] },
    ]);
    expect(typesInHash(ownParent)).toEqual(["TypeError", "Error"]);
    const python3 = event(
      "python",
      [
        { type: "KeyError", value: "a", id: 1, parent: 0, frames: ["f"] },
        { type: "ValueError", value: "b", id: 0, frames: ["g"] },
      ],
      "3.1.0",
    );
    expect(typesInHash(python3)).toEqual(["KeyError", "ValueError"]);
  });
});

describe("errors without a stack trace in a chain", () => {
  // sentry-go: fmt.Errorf("assign route: %w", err) with a stackless cause; only the outermost error carries the
  // stack of the call that captured it, and every error is marked a group.
  const goEvent = (type: string, value: string): SentryEvent => ({
    platform: "go",
    exception: {
      values: [
        { type, value, mechanism: { type: "generic", exception_id: 0, is_exception_group: true } },
        {
          type: "*fmt.wrapError",
          value: `assign route: ${value}`,
          mechanism: { type: "generic", exception_id: 1, parent_id: 0, is_exception_group: true },
          stacktrace: {
            frames: [
              { function: "main", module: "main", in_app: true },
              { function: "runReported", module: "main", in_app: true },
              { function: "Goexit", module: "runtime", in_app: false },
            ],
          },
        },
      ],
    },
  });

  it("keep different errors captured at one call site apart in every variant", () => {
    const overloaded = fingerprintEvent(goEvent("*dispatch.CapacityError", "courier over capacity"));
    const unknownDepot = fingerprintEvent(goEvent("*errors.errorString", "depot not found"));
    for (const hash of overloaded.hashes) expect(unknownDepot.hashes).not.toContain(hash);
    expect(overloaded.variants.system?.hash).not.toBe(overloaded.variants.app?.hash);
  });

  it("still group the same error captured again", () => {
    const a = fingerprintEvent(goEvent("*dispatch.CapacityError", "courier C-1: load 201.0 kg"));
    const b = fingerprintEvent(goEvent("*dispatch.CapacityError", "courier C-1: load 229.5 kg"));
    expect(a.hashes).toEqual(b.hashes);
  });
});
