import { InvalidDataNotes, type InvalidDataNote } from "./invalid-data";
import type { EventPath } from "./path";
import type { SentryEvent } from "./schema";

// A hand-written validator for the common case of `eventSchema` (schema.ts), because zod's
// per-field bookkeeping was a third of the fingerprinting time. It accepts only inputs it is sure
// zod accepts, and then builds exactly zod's output (same copies, same key order: declared keys
// first, then unknown keys as `for…in` yields them). Anything unusual (a wrong type, a non-plain
// object, NaN, a hole in an array…) makes it give up, and `parseEvent` runs zod, so the error
// paths stay zod's. Must change together with schema.ts; fast-parse.test.ts compares the two.
//
// The same parsers also repair an event (repairEvent): where the strict parse gives up on a value,
// the repair drops it and notes it, as Relay does with a value of the wrong type, so that what is
// left is, by construction, an input the strict parse (and so zod) accepts.

type Parse = (value: unknown, path: EventPath | null) => unknown;

class GiveUp {}
const GIVE_UP = new GiveUp();

/** What a parser returns, while repairing, for a value it dropped; the holder leaves the slot out. */
const DROP: unique symbol = Symbol("drop");

// The notes of the repair in progress; null during a strict parse. Parsing is synchronous, so one suffices.
let repairing: InvalidDataNotes | null = null;

/** Strict: gives up. Repairing: notes the value and drops it. */
function invalid(value: unknown, path: EventPath | null, expected: string, got?: string): typeof DROP {
  if (repairing === null) throw GIVE_UP;
  repairing.add(path, value, expected, got);
  return DROP;
}

/** The path of a child, built only while repairing. */
function at(path: EventPath | null, key: string | number): EventPath | null {
  return repairing === null ? null : { parent: path, key };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

const isFiniteNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

// z.string(), not nullish.
const string: Parse = (v, p) => (typeof v === "string" ? v : invalid(v, p, "a string"));
// z.string() / z.number() / z.boolean(), each `.nullish()`.
const str: Parse = (v, p) => (v === undefined || v === null || typeof v === "string" ? v : invalid(v, p, "a string"));
const num: Parse = (v, p) => (v === undefined || v === null || isFiniteNumber(v) ? v : invalid(v, p, "a number"));
const bool: Parse = (v, p) =>
  v === undefined || v === null || typeof v === "boolean" ? v : invalid(v, p, "a boolean");
const unknown: Parse = (v) => v;
const strOrNumber: Parse = (v, p) =>
  v === undefined || v === null || typeof v === "string" || isFiniteNumber(v)
    ? v
    : invalid(v, p, "a string or a number");

// looseString: string | number | boolean → String(v), nullish.
const looseString: Parse = (v, p) => {
  if (v === undefined || v === null || typeof v === "string") return v;
  if (isFiniteNumber(v) || typeof v === "boolean") return String(v);
  return invalid(v, p, "a string");
};

function nullish(parse: Parse): Parse {
  return (v, p) => (v === undefined || v === null ? v : parse(v, p));
}

/** Nullable; while repairing, a dropped value becomes null (as Relay leaves a null in a list). */
function nullable(parse: Parse): Parse {
  return (v, p) => {
    if (v === null) return v;
    const out = parse(v, p);
    return out === DROP ? null : out;
  };
}

/** z.array(element); while repairing, an element that cannot be null and is dropped drops the whole list. */
function array(element: Parse, expected = "a list"): Parse {
  return (v, p) => {
    if (!Array.isArray(v)) return invalid(v, p, expected);
    const mark = repairing?.mark() ?? 0;
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      const item = element(v[i], at(p, i));
      if (item === DROP) {
        // The element's own note would name a value that is no longer there: the list is noted instead.
        repairing?.rollBack(mark);
        return invalid(v, p, expected, "a list holding a value of another type");
      }
      out[i] = item;
    }
    return out;
  };
}

/** z.looseObject(shape) where every field is optional (true of every object in schema.ts). */
function looseObject(shape: Record<string, Parse>): Parse {
  const keys = Object.keys(shape);
  const parsers = keys.map((k) => shape[k] as Parse);
  const declared = new Set(keys);
  return (v, p) => {
    if (!isPlainObject(v)) return invalid(v, p, "an object");
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      if (!(key in v)) continue;
      const field = (parsers[i] as Parse)(v[key], at(p, key));
      if (field !== DROP) out[key] = field;
    }
    for (const key in v) {
      if (declared.has(key) || key === "__proto__") continue;
      out[key] = v[key];
    }
    return out;
  };
}

/** z.record(z.string(), value), for plain objects with only enumerable string keys. */
function record(value: Parse): Parse {
  return (v, p) => {
    if (!isPlainObject(v)) return invalid(v, p, "an object");
    const keys = Object.keys(v);
    if (Reflect.ownKeys(v).length !== keys.length && repairing === null) throw GIVE_UP;
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const path = at(p, key);
      if (key === "__proto__") {
        invalid(v[key], path, "a key other than __proto__");
        continue;
      }
      const field = value(v[key], path);
      if (field !== DROP) out[key] = field;
    }
    return out;
  };
}

// Mirrors of the schemas in schema.ts, in the same field order.
const frame = looseObject({
  function: str,
  raw_function: str,
  symbol: str,
  module: str,
  filename: str,
  abs_path: str,
  package: str,
  platform: str,
  lineno: num,
  colno: num,
  context_line: str,
  pre_context: nullish(array(nullable(string))),
  post_context: nullish(array(nullable(string))),
  in_app: bool,
  instruction_addr: str,
  vars: unknown,
  data: nullish(record(unknown)),
});

const stacktrace = looseObject({
  frames: nullish(array(nullable(frame))),
  registers: unknown,
  snapshot: bool,
});

const mechanism = looseObject({
  type: str,
  handled: bool,
  synthetic: bool,
  description: str,
  exception_id: num,
  parent_id: num,
  is_exception_group: bool,
  meta: nullish(looseObject({ ns_error: nullish(looseObject({ code: strOrNumber, domain: str })) })),
});

const exception = looseObject({
  type: str,
  value: looseString,
  module: str,
  thread_id: strOrNumber,
  mechanism: nullish(mechanism),
  stacktrace: nullish(stacktrace),
  raw_stacktrace: nullish(stacktrace),
});

const exceptionValues = looseObject({ values: nullish(array(nullable(exception))) });

// Same preprocessing as schema.ts: a bare list or a single exception becomes `{ values }`.
const exceptionContainer: Parse = (v, p) => {
  if (Array.isArray(v)) return exceptionValues({ values: v }, p);
  if (v && typeof v === "object" && !("values" in v) && ("type" in v || "value" in v)) {
    return exceptionValues({ values: [v] }, p);
  }
  return exceptionValues(v, p);
};

const thread = looseObject({
  id: strOrNumber,
  name: str,
  crashed: bool,
  current: bool,
  stacktrace: nullish(stacktrace),
  raw_stacktrace: nullish(stacktrace),
});

const threadValues = looseObject({ values: nullish(array(nullable(thread))) });
const threadsContainer: Parse = (v, p) => threadValues(Array.isArray(v) ? { values: v } : v, p);

const logentry = looseObject({ message: str, formatted: str, params: unknown });

// Tags: a record of loose strings, or a list of [key, value] pairs (exactly two, no holes) or nulls.
// While repairing, a malformed pair becomes null.
const tagPair: Parse = (v, p) => {
  if (!Array.isArray(v) || v.length !== 2 || !(0 in v) || !(1 in v)) return invalid(v, p, "a [key, value] pair");
  if (typeof v[0] !== "string" || v[1] === undefined) return invalid(v, p, "a [key, value] pair");
  const mark = repairing?.mark() ?? 0;
  const value = looseString(v[1], at(p, 1));
  if (value !== DROP) return [v[0], value];
  repairing?.rollBack(mark);
  return invalid(v, p, "a [key, value] pair", "a pair whose value is not a string");
};
const tagPairs: Parse = array(nullable(tagPair));
const tagRecord: Parse = record(looseString);
const tags: Parse = (v, p) => (Array.isArray(v) ? tagPairs(v, p) : tagRecord(v, p));

// A message is a string or a log entry. While repairing, a number or boolean becomes its text, as Relay
// reads a legacy message leniently.
const message: Parse = (v, p) => {
  if (typeof v === "string") return v;
  if (repairing !== null && (isFiniteNumber(v) || typeof v === "boolean")) return String(v);
  return logentry(v, p);
};

const hostname = looseObject({ hostname: str });

const event = looseObject({
  event_id: str,
  platform: str,
  level: str,
  logger: str,
  transaction: str,
  culprit: str,
  release: looseString,
  dist: looseString,
  environment: str,
  message: nullish(message),
  logentry: nullish(logentry),
  exception: nullish(exceptionContainer),
  threads: nullish(threadsContainer),
  stacktrace: nullish(stacktrace),
  template: nullish(looseObject({ filename: str, abs_path: str, context_line: str, lineno: num })),
  csp: nullish(looseObject({ effective_directive: str, blocked_uri: str, violated_directive: str, document_uri: str })),
  hpkp: nullish(hostname),
  expectct: nullish(hostname),
  expectstaple: nullish(hostname),
  sdk: nullish(looseObject({ name: str, version: str })),
  tags: nullish(tags),
  fingerprint: nullish(array(looseString, "a list of strings")),
  checksum: str,
  title: str,
});

/** The parsed event when the input is plainly valid, else null (then zod decides and reports). */
export function fastParseEvent(input: unknown): SentryEvent | null {
  try {
    return event(input, null) as SentryEvent;
  } catch (e) {
    if (e === GIVE_UP) return null;
    throw e;
  }
}

export interface RepairResult {
  /** The event without the dropped values, or null when the input is not an object at all. */
  event: SentryEvent | null;
  /** What was dropped, in the order met; also appended to the event's `errors`. */
  notes: InvalidDataNote[];
}

/**
 * Parses an event as fastParseEvent does, but drops each value of the wrong type (a frame's `lineno: "12"`, an
 * object where a frame list belongs) with a note in the event's `errors`, instead of refusing the event. What it
 * returns is an input that fastParseEvent, and so eventSchema, accepts unchanged.
 */
export function repairEvent(input: unknown): RepairResult {
  const outer = repairing;
  const notes = new InvalidDataNotes();
  repairing = notes;
  let parsed: unknown;
  try {
    parsed = event(input, null);
  } finally {
    repairing = outer;
  }
  if (parsed === DROP) return { event: null, notes: notes.all() };
  const repaired = parsed as SentryEvent & { errors?: unknown };
  const all = notes.all();
  if (all.length > 0) repaired.errors = [...(Array.isArray(repaired.errors) ? repaired.errors : []), ...all];
  return { event: repaired, notes: all };
}
