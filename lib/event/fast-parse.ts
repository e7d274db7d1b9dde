import type { SentryEvent } from "./schema";

// A hand-written validator for the common case of `eventSchema` (schema.ts), because zod's
// per-field bookkeeping was a third of the fingerprinting time. It accepts only inputs it is sure
// zod accepts, and then builds exactly zod's output (same copies, same key order: declared keys
// first, then unknown keys as `for…in` yields them). Anything unusual (a wrong type, a non-plain
// object, NaN, a hole in an array…) makes it give up, and `parseEvent` runs zod, so the error
// paths stay zod's. Must change together with schema.ts; fast-parse.test.ts compares the two.

type Parse = (value: unknown) => unknown;

class GiveUp {}
const GIVE_UP = new GiveUp();

function giveUp(): never {
  throw GIVE_UP;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

// z.string(), not nullish.
const string: Parse = (v) => (typeof v === "string" ? v : giveUp());
// z.string() / z.number() / z.boolean(), each `.nullish()`.
const str: Parse = (v) => (v === undefined || v === null || typeof v === "string" ? v : giveUp());
const num: Parse = (v) =>
  v === undefined || v === null || (typeof v === "number" && Number.isFinite(v)) ? v : giveUp();
const bool: Parse = (v) => (v === undefined || v === null || typeof v === "boolean" ? v : giveUp());
const unknown: Parse = (v) => v;
const strOrNumber: Parse = (v) =>
  v === undefined || v === null || typeof v === "string" || (typeof v === "number" && Number.isFinite(v))
    ? v
    : giveUp();

// looseString: string | number | boolean → String(v), nullish.
const looseString: Parse = (v) => {
  if (v === undefined || v === null || typeof v === "string") return v;
  if ((typeof v === "number" && Number.isFinite(v)) || typeof v === "boolean") return String(v);
  return giveUp();
};

function nullish(parse: Parse): Parse {
  return (v) => (v === undefined || v === null ? v : parse(v));
}

function nullable(parse: Parse): Parse {
  return (v) => (v === null ? v : parse(v));
}

function array(element: Parse): Parse {
  return (v) => {
    if (!Array.isArray(v)) return giveUp();
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = element(v[i]);
    return out;
  };
}

/** z.looseObject(shape) where every field is optional (true of every object in schema.ts). */
function looseObject(shape: Record<string, Parse>): Parse {
  const keys = Object.keys(shape);
  const parsers = keys.map((k) => shape[k] as Parse);
  const declared = new Set(keys);
  return (v) => {
    if (!isPlainObject(v)) return giveUp();
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      if (key in v) out[key] = (parsers[i] as Parse)(v[key]);
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
  return (v) => {
    if (!isPlainObject(v)) return giveUp();
    const keys = Object.keys(v);
    if (Reflect.ownKeys(v).length !== keys.length) return giveUp();
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      if (key === "__proto__") return giveUp();
      out[key] = value(v[key]);
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
const exceptionContainer: Parse = (v) => {
  if (Array.isArray(v)) return exceptionValues({ values: v });
  if (v && typeof v === "object" && !("values" in v) && ("type" in v || "value" in v)) {
    return exceptionValues({ values: [v] });
  }
  return exceptionValues(v);
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
const threadsContainer: Parse = (v) => threadValues(Array.isArray(v) ? { values: v } : v);

const logentry = looseObject({ message: str, formatted: str, params: unknown });

// Tags: a record of loose strings, or a list of [key, value] pairs (exactly two, no holes) or nulls.
const tagPairs: Parse = array((v) => {
  if (v === null) return v;
  if (!Array.isArray(v) || v.length !== 2 || !(0 in v) || !(1 in v)) return giveUp();
  if (typeof v[0] !== "string" || v[1] === undefined) return giveUp();
  return [v[0], looseString(v[1])];
});
const tags: Parse = (v) => (Array.isArray(v) ? tagPairs(v) : record(looseString)(v));

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
  message: nullish((v) => (typeof v === "string" ? v : logentry(v))),
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
  fingerprint: nullish(array(looseString)),
  checksum: str,
  title: str,
});

/** The parsed event when the input is plainly valid, else null (then zod decides and reports). */
export function fastParseEvent(input: unknown): SentryEvent | null {
  try {
    return event(input) as SentryEvent;
  } catch (e) {
    if (e === GIVE_UP) return null;
    throw e;
  }
}
