import { z } from "zod";
import { fastParseEvent } from "./fast-parse";

// Sentry event payloads as SDKs send them. Every object is loose (unknown keys are kept) and most
// fields are nullish, because real SDKs send `null` freely; only shapes that would break grouping
// are rejected, with a path that names the offending field.

const str = z.string().nullish();
const num = z.number().nullish();
const bool = z.boolean().nullish();

// Some SDKs send numbers or booleans where strings are expected (e.g. exception values).
const looseString = z
  .union([z.string(), z.number(), z.boolean()])
  .transform((v) => String(v))
  .nullish();

export const frameSchema = z.looseObject({
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
  pre_context: z.array(z.string().nullable()).nullish(),
  post_context: z.array(z.string().nullable()).nullish(),
  in_app: bool,
  instruction_addr: str,
  vars: z.unknown().optional(),
  data: z.record(z.string(), z.unknown()).nullish(),
});

export const stacktraceSchema = z.looseObject({
  frames: z.array(frameSchema.nullable()).nullish(),
  registers: z.unknown().optional(),
  snapshot: bool,
});

export const mechanismSchema = z.looseObject({
  type: str,
  handled: bool,
  synthetic: bool,
  description: str,
  exception_id: num,
  parent_id: num,
  is_exception_group: bool,
  meta: z
    .looseObject({
      ns_error: z.looseObject({ code: z.union([z.number(), z.string()]).nullish(), domain: str }).nullish(),
    })
    .nullish(),
});

export const exceptionSchema = z.looseObject({
  type: str,
  value: looseString,
  module: str,
  thread_id: z.union([z.number(), z.string()]).nullish(),
  mechanism: mechanismSchema.nullish(),
  stacktrace: stacktraceSchema.nullish(),
  raw_stacktrace: stacktraceSchema.nullish(),
});

// `exception` is `{ values: [...] }`, but old SDKs send a bare list or a single exception.
const exceptionContainer = z.preprocess(
  (v) => {
    if (Array.isArray(v)) return { values: v };
    if (v && typeof v === "object" && !("values" in v) && ("type" in v || "value" in v)) return { values: [v] };
    return v;
  },
  z.looseObject({ values: z.array(exceptionSchema.nullable()).nullish() }),
);

export const threadSchema = z.looseObject({
  id: z.union([z.number(), z.string()]).nullish(),
  name: str,
  crashed: bool,
  current: bool,
  stacktrace: stacktraceSchema.nullish(),
  raw_stacktrace: stacktraceSchema.nullish(),
});

const threadsContainer = z.preprocess(
  (v) => (Array.isArray(v) ? { values: v } : v),
  z.looseObject({ values: z.array(threadSchema.nullable()).nullish() }),
);

export const logentrySchema = z.looseObject({
  message: str,
  formatted: str,
  params: z.unknown().optional(),
});

// Tags come as an object or as a list of [key, value] pairs.
const tagsSchema = z.union([
  z.record(z.string(), looseString),
  z.array(z.union([z.tuple([z.string(), looseString]), z.null()])),
]);

export const eventSchema = z.looseObject({
  event_id: str,
  platform: str,
  level: str,
  logger: str,
  transaction: str,
  culprit: str,
  release: looseString,
  dist: looseString,
  environment: str,
  message: z.union([z.string(), logentrySchema]).nullish(),
  logentry: logentrySchema.nullish(),
  exception: exceptionContainer.nullish(),
  threads: threadsContainer.nullish(),
  stacktrace: stacktraceSchema.nullish(),
  template: z.looseObject({ filename: str, abs_path: str, context_line: str, lineno: num }).nullish(),
  csp: z
    .looseObject({ effective_directive: str, blocked_uri: str, violated_directive: str, document_uri: str })
    .nullish(),
  hpkp: z.looseObject({ hostname: str }).nullish(),
  expectct: z.looseObject({ hostname: str }).nullish(),
  expectstaple: z.looseObject({ hostname: str }).nullish(),
  sdk: z.looseObject({ name: str, version: str }).nullish(),
  tags: tagsSchema.nullish(),
  fingerprint: z.array(looseString).nullish(),
  checksum: str,
  title: str,
});

export type SentryEvent = z.infer<typeof eventSchema>;
export type SentryFrame = z.infer<typeof frameSchema>;
export type SentryStacktrace = z.infer<typeof stacktraceSchema>;
export type SentryException = z.infer<typeof exceptionSchema>;
export type SentryThread = z.infer<typeof threadSchema>;

export type ParseIssue = { path: string; message: string };
export type ParseResult = { ok: true; event: SentryEvent } | { ok: false; issues: ParseIssue[] };

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || "(root)";
}

/** Validates an event payload; on failure every issue names the offending path (e.g. `exception.values[0].stacktrace.frames[3].lineno`). */
export function parseEvent(input: unknown): ParseResult {
  // Plainly valid payloads (nearly all) skip zod; zod still decides, and reports, everything else.
  const fast = fastParseEvent(input);
  if (fast !== null) return { ok: true, event: fast };
  const result = eventSchema.safeParse(input);
  if (result.success) return { ok: true, event: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
  };
}
