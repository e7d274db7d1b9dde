import {
  MAX_BOUND_NOTES_PER_TYPE,
  MAX_CONTEXT_LINE_CHARS,
  MAX_CULPRIT_CHARS,
  MAX_DEPTH,
  MAX_EXCEPTIONS,
  MAX_FRAMES,
  MAX_KEY_CHARS,
  MAX_MESSAGE_CHARS,
  MAX_OTHER_STRING_CHARS,
  MAX_PATH_CHARS,
  MAX_SHORT_NAME_CHARS,
  MAX_SYMBOL_CHARS,
  MAX_TAG_CHARS,
  MAX_THREADS,
} from "./limits";
import { pathName, type EventPath } from "./path";
import type { SentryEvent } from "./schema";

// Bounds an event at the door, as Relay does before Sentry sees it: long strings are cut, long
// frame, exception and thread lists shortened, deep nesting replaced, and characters PostgreSQL
// refuses in JSON text (NUL, unpaired surrogates) escaped, in keys too, so that every event the
// limits accept can be stored and fingerprinted in time linear in its size. What was changed is
// noted on the event (`errors`, like Sentry's processing errors) and shown on the issue page.
// The walk is iterative, so an event nested 100,000 levels deep cannot overflow the stack.

/** One change boundEvent made, stored in the event's `errors` list. `name` is the field's path, e.g. `exception.values.0.value`. */
export type BoundNote =
  | { type: "value_too_long"; name: string; original_length: number; length: number }
  | { type: "too_many_frames"; name: string; original_length: number; kept: number }
  | { type: "too_many_values"; name: string; original_length: number; kept: number }
  | { type: "too_deep"; name: string; max_depth: number }
  | { type: "invalid_characters"; name: string; nul: number; lone_surrogates: number }
  | { type: "key_too_long"; name: string; original_length: number }
  | { type: "notes_omitted"; of: NotedType; count: number };

type NotedType = Exclude<BoundNote["type"], "notes_omitted">;

export interface BoundResult {
  /** A bounded copy (the input is not changed), with the notes appended to its `errors`. */
  event: SentryEvent;
  notes: BoundNote[];
}

/** What a container replaced for nesting too deep becomes. */
export const TOO_DEEP_PLACEHOLDER = `[removed: nested deeper than ${MAX_DEPTH} levels]`;

// Where a value sits in the event, as far as the limits care.
type Kind =
  | "event"
  | "exceptions"
  | "exceptionList"
  | "exception"
  | "threads"
  | "threadList"
  | "thread"
  | "stacktrace"
  | "frameList"
  | "frame"
  | "contextLines"
  | "logentry"
  | "tags"
  | "tagPair"
  | "other";

const FIELD_KINDS = new Map<Kind, Map<string, Kind>>([
  [
    "event",
    new Map<string, Kind>([
      ["exception", "exceptions"],
      ["threads", "threads"],
      ["stacktrace", "stacktrace"],
      ["logentry", "logentry"],
      ["message", "logentry"],
      ["tags", "tags"],
    ]),
  ],
  ["exceptions", new Map<string, Kind>([["values", "exceptionList"]])],
  [
    "exception",
    new Map<string, Kind>([
      ["stacktrace", "stacktrace"],
      ["raw_stacktrace", "stacktrace"],
    ]),
  ],
  ["threads", new Map<string, Kind>([["values", "threadList"]])],
  [
    "thread",
    new Map<string, Kind>([
      ["stacktrace", "stacktrace"],
      ["raw_stacktrace", "stacktrace"],
    ]),
  ],
  ["stacktrace", new Map<string, Kind>([["frames", "frameList"]])],
  [
    "frame",
    new Map<string, Kind>([
      ["pre_context", "contextLines"],
      ["post_context", "contextLines"],
    ]),
  ],
]);

const ELEMENT_KINDS = new Map<Kind, Kind>([
  ["exceptionList", "exception"],
  ["threadList", "thread"],
  ["frameList", "frame"],
  ["tags", "tagPair"],
]);

const limits = (entries: [string[], number][]) =>
  new Map(entries.flatMap(([keys, limit]) => keys.map((key) => [key, limit] as const)));

const FIELD_LIMITS = new Map<Kind, Map<string, number>>([
  [
    "event",
    limits([
      [["message"], MAX_MESSAGE_CHARS],
      [["culprit", "transaction"], MAX_CULPRIT_CHARS],
      [["release", "dist"], MAX_TAG_CHARS],
      [["logger", "environment"], MAX_SHORT_NAME_CHARS],
    ]),
  ],
  [
    "exception",
    limits([
      [["value"], MAX_MESSAGE_CHARS],
      [["type", "module"], MAX_SYMBOL_CHARS],
    ]),
  ],
  [
    "frame",
    limits([
      [["function", "raw_function", "symbol", "module"], MAX_SYMBOL_CHARS],
      [["filename", "abs_path", "package"], MAX_PATH_CHARS],
      [["context_line"], MAX_CONTEXT_LINE_CHARS],
    ]),
  ],
  ["logentry", limits([[["message", "formatted"], MAX_MESSAGE_CHARS]])],
]);

// Kinds whose every string has one limit.
const KIND_LIMITS = new Map<Kind, number>([
  ["contextLines", MAX_CONTEXT_LINE_CHARS],
  ["tags", MAX_TAG_CHARS],
  ["tagPair", MAX_TAG_CHARS],
]);

function stringLimit(parent: Kind, key: string | number): number {
  if (typeof key === "string") {
    const limit = FIELD_LIMITS.get(parent)?.get(key);
    if (limit !== undefined) return limit;
  }
  return KIND_LIMITS.get(parent) ?? MAX_OTHER_STRING_CHARS;
}

function childKind(parent: Kind, key: string | number): Kind {
  if (typeof key === "number") return ELEMENT_KINDS.get(parent) ?? (parent === "contextLines" ? parent : "other");
  return FIELD_KINDS.get(parent)?.get(key) ?? "other";
}

type Container = Record<string, unknown> | unknown[];

interface Item {
  value: unknown;
  /** What the value is, if it is a container. */
  kind: Kind;
  /** The most characters it may have, if it is a string. */
  limit: number;
  /** Where it goes in the bounded copy. */
  out: Container;
  slot: string | number;
  path: EventPath | null;
  depth: number;
}

const SUSPECT = /[\0\ud800-\udfff]/;

/** Escapes NUL as `\0` and replaces unpaired surrogates with U+FFFD; counts both. */
function escapeUnstorable(s: string): { text: string; nul: number; lone: number } {
  let text = "";
  let copied = 0;
  let nul = 0;
  let lone = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) {
      text += `${s.slice(copied, i)}\\0`;
      copied = i + 1;
      nul++;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && isLowSurrogate(s.charCodeAt(i + 1))) {
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      text += `${s.slice(copied, i)}\ufffd`;
      copied = i + 1;
      lone++;
    }
  }
  return { text: text + s.slice(copied), nul, lone };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function isPlainContainer(v: unknown): v is Container {
  return typeof v === "object" && v !== null;
}

// The indices of a list that stay, in order.
function keptIndices(kind: Kind, list: readonly unknown[]): number[] | null {
  const limit = kind === "frameList" ? MAX_FRAMES : kind === "exceptionList" ? MAX_EXCEPTIONS : MAX_THREADS;
  if ((kind !== "frameList" && kind !== "exceptionList" && kind !== "threadList") || list.length <= limit) return null;
  if (kind !== "threadList") return Array.from({ length: limit }, (_, i) => list.length - limit + i);
  // Grouping picks the one crashed thread, else the one current thread, else the only thread:
  // keeping two of each (when there are) leaves that choice as it was.
  const keep = new Uint8Array(list.length);
  let kept = 0;
  for (const flag of ["crashed", "current"] as const) {
    let seen = 0;
    for (let i = 0; i < list.length && seen < 2; i++) {
      const thread = list[i];
      if (isPlainContainer(thread) && (thread as Record<string, unknown>)[flag] === true) {
        seen++;
        if (!keep[i]) kept++;
        keep[i] = 1;
      }
    }
  }
  for (let i = 0; i < list.length && kept < limit; i++) {
    if (!keep[i]) {
      keep[i] = 1;
      kept++;
    }
  }
  const out: number[] = [];
  for (let i = 0; i < list.length; i++) if (keep[i]) out.push(i);
  return out;
}

// Notes per kind of change are capped, so that a thousand escaped strings cannot crowd out the
// one note that says frames were removed.
class Notes {
  private readonly list: BoundNote[] = [];
  private readonly counts = new Map<NotedType, number>();

  add(type: NotedType, note: () => BoundNote): void {
    const count = (this.counts.get(type) ?? 0) + 1;
    this.counts.set(type, count);
    if (count <= MAX_BOUND_NOTES_PER_TYPE) this.list.push(note());
  }

  all(): BoundNote[] {
    const omitted: BoundNote[] = [];
    for (const [type, count] of this.counts) {
      if (count > MAX_BOUND_NOTES_PER_TYPE)
        omitted.push({ type: "notes_omitted", of: type, count: count - MAX_BOUND_NOTES_PER_TYPE });
    }
    return [...this.list, ...omitted];
  }
}

function boundString(s: string, limit: number, path: () => string, notes: Notes): string {
  let text = s;
  if (text.length > limit) {
    let cut = limit - 3;
    // Never split a surrogate pair: half of one is what PostgreSQL refuses.
    const last = text.charCodeAt(cut - 1);
    if (last >= 0xd800 && last <= 0xdbff) cut--;
    text = `${text.slice(0, cut)}...`;
    const length = text.length;
    notes.add("value_too_long", () => ({ type: "value_too_long", name: path(), original_length: s.length, length }));
  }
  if (SUSPECT.test(text)) {
    const escaped = escapeUnstorable(text);
    if (escaped.nul || escaped.lone) {
      notes.add("invalid_characters", () => ({
        type: "invalid_characters",
        name: path(),
        nul: escaped.nul,
        lone_surrogates: escaped.lone,
      }));
    }
    text = escaped.text;
  }
  return text;
}

// An object key, cut and escaped like a string; the note names the field by its new key.
function boundKey(key: string, parent: EventPath | null, notes: Notes): string {
  let out = key.length > MAX_KEY_CHARS ? key.slice(0, MAX_KEY_CHARS) : key;
  if (SUSPECT.test(out)) out = escapeUnstorable(out).text;
  if (key.length > MAX_KEY_CHARS) {
    notes.add("key_too_long", () => ({
      type: "key_too_long",
      name: pathName({ parent, key: out }),
      original_length: key.length,
    }));
  }
  return out;
}

function child(parent: Item, value: unknown, key: string | number, slot: string | number, out: Container): Item {
  // Limits and kinds follow the key as sent; notes name the field as stored.
  const path = { parent: parent.path, key: slot };
  return {
    value,
    kind: childKind(parent.kind, key),
    limit: stringLimit(parent.kind, key),
    out,
    slot,
    path,
    depth: parent.depth + 1,
  };
}

// A copy of the container with its children still to do: they are pushed on the stack, first on top.
function boundContainer(item: Item, stack: Item[], notes: Notes): Container {
  const value = item.value as Container;
  if (Array.isArray(value)) {
    const kept = keptIndices(item.kind, value);
    if (kept) {
      const type = item.kind === "frameList" ? "too_many_frames" : "too_many_values";
      notes.add(type, () => ({ type, name: pathName(item.path), original_length: value.length, kept: kept.length }));
    }
    const size = kept ? kept.length : value.length;
    const out = new Array<unknown>(size);
    for (let i = size - 1; i >= 0; i--) stack.push(child(item, value[kept ? (kept[i] as number) : i], i, i, out));
    return out;
  }
  const out: Record<string, unknown> = {};
  const children: Item[] = [];
  for (const key of Object.keys(value)) {
    // As the schema does: an own `__proto__` key would become the copy's prototype.
    if (key === "__proto__") continue;
    const name = boundKey(key, item.path, notes);
    children.push(child(item, value[key], key, name, out));
  }
  for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Item);
  return out;
}

/** Bounds an event (see the limits in ./limits.ts) and notes what it changed; linear in the event's size. */
export function boundEvent(event: SentryEvent): BoundResult {
  const notes = new Notes();
  const holder: Record<string, unknown> = {};
  const stack: Item[] = [
    { value: event, kind: "event", limit: MAX_OTHER_STRING_CHARS, out: holder, slot: "event", path: null, depth: 0 },
  ];
  while (stack.length > 0) {
    const item = stack.pop() as Item;
    let result = item.value;
    if (typeof result === "string") {
      result = boundString(result, item.limit, () => pathName(item.path), notes);
    } else if (isPlainContainer(result)) {
      if (item.depth > MAX_DEPTH) {
        notes.add("too_deep", () => ({ type: "too_deep", name: pathName(item.path), max_depth: MAX_DEPTH }));
        result = TOO_DEEP_PLACEHOLDER;
      } else {
        result = boundContainer(item, stack, notes);
      }
    }
    (item.out as Record<string | number, unknown>)[item.slot] = result;
  }
  const bounded = holder.event as SentryEvent & { errors?: unknown };
  const all = notes.all();
  if (all.length > 0) bounded.errors = [...(Array.isArray(bounded.errors) ? bounded.errors : []), ...all];
  return { event: bounded, notes: all };
}
