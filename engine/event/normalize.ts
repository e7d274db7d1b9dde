import type { SentryEvent, SentryFrame, SentryStacktrace } from "./schema";
import { trimFunctionName } from "./function-name";

// The mutable, normalised view of an event that grouping works on. It mirrors what Sentry's
// ingest normalisation (Relay) and `normalize_stacktraces_for_grouping` do before grouping:
// null frames dropped, `filename` derived from `abs_path`, native/C# function names trimmed (the
// original kept in `raw_function`), the SDK's in_app restored from `data.orig_in_app`, legacy
// `message` moved to `logentry`, "Type: value" split.

export interface GFrame {
  function: string | null;
  raw_function: string | null;
  module: string | null;
  filename: string | null;
  abs_path: string | null;
  package: string | null;
  platform: string | null;
  lineno: number | null;
  colno: number | null;
  context_line: string | null;
  in_app: boolean | null;
  /** in_app as the SDK sent it (before rules). */
  client_in_app: boolean | null;
  sourcemap: boolean;
  category: string | null;
}

export interface GStacktrace {
  frames: GFrame[];
}

export interface GException {
  type: string | null;
  value: string | null;
  module: string | null;
  mechanismType: string | null;
  synthetic: boolean;
  /** Where the exception sits in its chain or exception group (mechanism ids), when the SDK says. */
  chain: { exceptionId: number | null; parentId: number | null; isExceptionGroup: boolean };
  nsError: { domain: string | null; code: string | null } | null;
  stacktrace: GStacktrace | null;
}

export interface GThread {
  crashed: boolean;
  current: boolean;
  stacktrace: GStacktrace | null;
}

export interface GroupingEvent {
  platform: string;
  exceptions: GException[] | null;
  threads: GThread[] | null;
  stacktrace: GStacktrace | null;
  logentry: { message: string | null; formatted: string | null } | null;
  source: SentryEvent;
}

const nn = <T>(v: T | null | undefined): T | null => (v === undefined ? null : v);

function urlPath(absPath: string): string {
  const m = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*([^?#]*)/.exec(absPath);
  return m && m[1] ? m[1] : absPath;
}

// A stored Sentry event keeps, in `data.orig_in_app`, the in_app value its SDK sent before the
// project's stack trace rules changed it (-1: unset). Sentry restores it before applying rules
// again, so an event exported from Sentry is grouped by the rules in force here, not by the
// in_app state another project's rules left on it.
function originalInApp(f: SentryFrame): boolean | null {
  const orig = f.data?.orig_in_app;
  if (typeof orig === "boolean") return orig;
  if (typeof orig === "number" && Number.isFinite(orig)) return orig === -1 ? null : orig !== 0;
  return nn(f.in_app);
}

function normalizeFrame(f: SentryFrame, eventPlatform: string): GFrame {
  const absPath = nn(f.abs_path);
  let filename = nn(f.filename) || null;
  if (!filename && absPath) filename = /^(?:https?|file|blob|applewebdata):/.test(absPath) ? urlPath(absPath) : absPath;
  let fn = nn(f.function) || null;
  let raw = nn(f.raw_function) || null;
  if (raw === null && fn) {
    const trimmed = trimFunctionName(fn, f.platform || eventPlatform);
    if (trimmed !== fn) {
      raw = fn;
      fn = trimmed;
    }
  }
  const data = f.data ?? null;
  const inApp = originalInApp(f);
  return {
    function: fn,
    raw_function: raw,
    module: nn(f.module),
    filename,
    abs_path: absPath,
    package: nn(f.package),
    platform: nn(f.platform),
    lineno: nn(f.lineno),
    colno: nn(f.colno),
    context_line: nn(f.context_line),
    in_app: inApp,
    client_in_app: inApp,
    sourcemap: data !== null && data.sourcemap !== undefined && data.sourcemap !== null,
    category: null,
  };
}

function normalizeStacktrace(st: SentryStacktrace | null | undefined, platform: string): GStacktrace | null {
  if (!st) return null;
  const frames: GFrame[] = [];
  for (const f of st.frames ?? []) if (f) frames.push(normalizeFrame(f, platform));
  return { frames };
}

function normalizeLogentry(event: SentryEvent): GroupingEvent["logentry"] {
  let message: string | null = null;
  let formatted: string | null = null;
  if (event.logentry) {
    message = nn(event.logentry.message);
    formatted = nn(event.logentry.formatted);
  } else if (typeof event.message === "string") {
    formatted = event.message;
  } else if (event.message) {
    message = nn(event.message.message);
    formatted = nn(event.message.formatted);
  }
  if (!formatted && message) formatted = message;
  // The template is only kept when it differs from the rendered message.
  if (message === formatted) message = null;
  return message || formatted ? { message, formatted } : null;
}

/** Builds the grouping view of an event (a fresh copy; the input is never mutated). */
export function normalizeEvent(event: SentryEvent): GroupingEvent {
  const platform = event.platform || "other";
  let exceptions: GException[] | null = null;
  if (event.exception?.values) {
    exceptions = [];
    for (const e of event.exception.values) {
      if (!e) continue;
      let type = nn(e.type) || null;
      let value = nn(e.value);
      if (!type && value) {
        const m = /^(\w+):(.*)$/s.exec(value);
        if (m) {
          type = m[1] as string;
          value = (m[2] as string).trim();
        }
      }
      if (!type && !value && !e.stacktrace) continue;
      const ns = e.mechanism?.meta?.ns_error;
      exceptions.push({
        type,
        value,
        module: nn(e.module),
        mechanismType: nn(e.mechanism?.type),
        synthetic: e.mechanism?.synthetic === true,
        chain: {
          exceptionId: nn(e.mechanism?.exception_id),
          parentId: nn(e.mechanism?.parent_id),
          isExceptionGroup: e.mechanism?.is_exception_group === true,
        },
        nsError: ns ? { domain: nn(ns.domain), code: ns.code == null ? null : String(ns.code) } : null,
        stacktrace: normalizeStacktrace(e.stacktrace, platform),
      });
    }
  }
  const threads = event.threads?.values
    ? event.threads.values
        .filter((t) => t !== null)
        .map((t) => ({
          crashed: t.crashed === true,
          current: t.current === true,
          stacktrace: normalizeStacktrace(t.stacktrace, platform),
        }))
    : null;
  return {
    platform,
    exceptions,
    threads,
    stacktrace: normalizeStacktrace(event.stacktrace, platform),
    logentry: normalizeLogentry(event),
    source: event,
  };
}

/** Every stacktrace of the event with the exception it belongs to (for `error.*` rule matchers). */
export function allStacktraces(ev: GroupingEvent): { stacktrace: GStacktrace; exception: GException | null }[] {
  const out: { stacktrace: GStacktrace; exception: GException | null }[] = [];
  for (const e of ev.exceptions ?? []) if (e.stacktrace) out.push({ stacktrace: e.stacktrace, exception: e });
  if (ev.stacktrace) out.push({ stacktrace: ev.stacktrace, exception: null });
  for (const t of ev.threads ?? []) if (t.stacktrace) out.push({ stacktrace: t.stacktrace, exception: null });
  return out;
}
