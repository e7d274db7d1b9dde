import type { GroupingEvent } from "@/engine/event/normalize";
import { globMatch } from "../glob";
import { parseRuleBool } from "../enhancements/rule";
import type { FingerprintRule } from "./types";
import { eventFamily, eventFrames, eventLevel, eventSdk, eventTags } from "./event-values";

// Matching of server-side fingerprint rules. Matchers are grouped by what they look at; each group
// must be satisfied by one single value set (one frame, one exception, …), as in Sentry.

const KEYS: Record<string, string> = {
  "error.type": "type",
  "error.value": "value",
  "stack.module": "module",
  "stack.abs_path": "path",
  "stack.package": "package",
  "stack.function": "function",
  message: "message",
  logger: "logger",
  level: "level",
  type: "type",
  value: "value",
  module: "module",
  path: "path",
  package: "package",
  function: "function",
  family: "family",
  app: "app",
  sdk: "sdk",
  release: "release",
};

type Values = Record<string, string | boolean | null>;
type MatchType = "toplevel" | "log_info" | "exceptions" | "tags" | "sdk" | "family" | "release" | "frames";

interface Matcher {
  key: string;
  pattern: string;
  negated: boolean;
  type: MatchType;
}

export class UnknownMatcherError extends Error {}

/** Whether a fingerprint rule may use this matcher name (`tags.*` included), negation left out. */
export function isKnownMatcher(name: string): boolean {
  return name.startsWith("tags.") ? name.length > 5 : Object.hasOwn(KEYS, name);
}

function toMatcher([rawKey, pattern]: [string, string]): Matcher {
  const negated = rawKey.startsWith("!");
  const name = rawKey.replace(/^!+/, "");
  const key = name.startsWith("tags.") ? name : KEYS[name];
  if (!key) throw new UnknownMatcherError(`Unknown matcher '${name}'`);
  const type: MatchType =
    key === "message"
      ? "toplevel"
      : key === "logger" || key === "level"
        ? "log_info"
        : key === "type" || key === "value"
          ? "exceptions"
          : key.startsWith("tags.")
            ? "tags"
            : key === "sdk" || key === "family" || key === "release"
              ? key
              : "frames";
  return { key, pattern, negated, type };
}

function pathMatch(pattern: string, value: string | null): boolean {
  if (value === null) return false;
  const opts = { ignoreCase: true, doubleStar: true, pathNormalize: true };
  if (globMatch(value, pattern, opts)) return true;
  return !value.startsWith("/") && globMatch(`/${value}`, pattern, opts);
}

function positive(m: Matcher, values: Values): boolean {
  if (m.key === "path") {
    const a = values.abs_path as string | null;
    const f = values.filename as string | null;
    return pathMatch(m.pattern, a) || (f !== a && pathMatch(m.pattern, f));
  }
  if (m.key === "message") {
    return [values.message, values.value].some(
      (v) => typeof v === "string" && globMatch(v, m.pattern, { ignoreCase: true }),
    );
  }
  const value = values[m.key];
  if (value === null || value === undefined) return false;
  if (m.key === "package" || m.key === "release") return pathMatch(m.pattern, String(value));
  if (m.key === "family" || m.key === "sdk") {
    const flags = m.pattern.split(",");
    return flags.includes("all") || flags.includes(String(value));
  }
  if (m.key === "app") return value === parseRuleBool(m.pattern);
  if (m.key === "level" || m.key === "value") return globMatch(String(value), m.pattern, { ignoreCase: true });
  return globMatch(String(value), m.pattern);
}

function valuesFor(type: MatchType, ev: GroupingEvent): Values[] {
  switch (type) {
    case "toplevel": {
      const out: Values[] = [];
      if (ev.logentry?.formatted) out.push({ message: ev.logentry.formatted });
      for (const e of ev.exceptions ?? []) out.push({ type: e.type, value: e.value });
      return out;
    }
    case "exceptions":
      return (ev.exceptions ?? []).map((e) => ({ type: e.type, value: e.value }));
    case "log_info": {
      const info: Values = {};
      if (ev.source.logger) info.logger = ev.source.logger;
      info.level = eventLevel(ev);
      return [info];
    }
    case "tags":
      return [Object.fromEntries(eventTags(ev).map(([k, v]) => [`tags.${k}`, v]))];
    case "sdk":
      return [{ sdk: eventSdk(ev) }];
    case "family":
      return [{ family: eventFamily(ev) }];
    case "release":
      return [{ release: ev.source.release ?? null }];
    case "frames":
      return eventFrames(ev).map((f) => ({
        function: f.function || "<unknown>",
        abs_path: f.abs_path || f.filename,
        filename: f.filename,
        module: f.module,
        package: f.package,
        app: f.in_app,
      }));
  }
}

/** The first rule whose matchers all match the event, or null. */
export function findMatchingRule(rules: readonly FingerprintRule[], ev: GroupingEvent): FingerprintRule | null {
  const cache = new Map<MatchType, Values[]>();
  for (const rule of rules) {
    const byType = new Map<MatchType, Matcher[]>();
    for (const raw of rule.matchers) {
      const m = toMatcher(raw);
      const list = byType.get(m.type);
      if (list) list.push(m);
      else byType.set(m.type, [m]);
    }
    let ok = true;
    for (const [type, matchers] of byType) {
      let values = cache.get(type);
      if (!values) cache.set(type, (values = valuesFor(type, ev)));
      if (!values.some((v) => matchers.every((m) => positive(m, v) !== m.negated))) {
        ok = false;
        break;
      }
    }
    if (ok) return rule;
  }
  return null;
}

/** How Sentry prints a rule, e.g. `type:"DatabaseUnavailable" -> "database-unavailable{{ function }}"`. */
export function describeRule(rule: FingerprintRule): string {
  const matchers = rule.matchers
    .map(([k, p]) => {
      const negated = k.startsWith("!");
      const name = k.replace(/^!+/, "");
      return `${negated ? "!" : ""}${name.startsWith("tags.") ? name : (KEYS[name] ?? name)}:"${p}"`;
    })
    .join(" ");
  const attrs = Object.entries(rule.attributes ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${v}"`)
    .join(" ");
  return `${matchers} -> "${rule.fingerprint.join("")}" ${attrs}`.trimEnd();
}
