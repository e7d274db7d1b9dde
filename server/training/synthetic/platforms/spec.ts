import type { Rng } from "@/engine/math/random";
import { NOUNS } from "../names";
import type { SyntheticFrame, SyntheticPlatform } from "../types";

/** A frame of library or runtime code, written once per platform and reused by every app. */
export type LibraryFrame = Omit<SyntheticFrame, "lineno" | "in_app"> & { lineno?: number };

/** A way code fails: the exception, its messages, and the library frames between app code and the crash. */
export interface Failure {
  type: string;
  module?: string;
  /** Message templates; `{lower}` placeholders are fixed per root cause, `{Upper}`-free `#n`-style ones vary. */
  messages: string[];
  /** Library frames (oldest first) after the last in-app frame; `[]` means the crash is in app code. */
  tails: LibraryFrame[][];
  /** The line of app code that fails, for in-app crashes (and the call into the library otherwise). */
  code: string[];
  /** An inner exception (Java "Caused by", C# inner, Python __context__). */
  cause?: { type: string; module?: string; messages: string[] };
}

export interface AppFrameInput {
  company: string;
  pkg: string;
  domain: string;
  layer: string;
  fn: string;
  line: number;
  code: string;
}

export interface PlatformSpec {
  platform: SyntheticPlatform;
  sdk: { name: string; version: string };
  /** Builds a function name from words in the platform's style (snake_case, camelCase, Class.method…). */
  functionName(words: string[], domain: string, layer: string, rng: Rng): string;
  appFrame(input: AppFrameInput): SyntheticFrame;
  /** A line of app code that calls `callee`. */
  callCode: string[];
  /** Framework and runtime frames (oldest first) that call into an app's entry points. */
  entries: LibraryFrame[][];
  /** Decorators and middleware that show up between app frames, named like the platform's idioms. */
  wrappers: string[];
  failures: Failure[];
}

const VOLATILE: Record<string, (rng: Rng) => string> = {
  n: (rng) => String(rng.int(1, 99999)),
  ms: (rng) => String(rng.pick([500, 1000, 2000, 5000, 10000, 30000])),
  secs: (rng) => String(rng.pick([5, 10, 15, 30, 60, 100])),
  uuid: (rng) => `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-a${rng.hex(3)}-${rng.hex(12)}`,
  ip: (rng) => `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
  hex: (rng) => rng.hex(12),
  len: (rng) => String(rng.int(0, 40)),
};

const STABLE: Record<string, (rng: Rng) => string> = {
  host: (rng) => `${rng.pick(NOUNS)}-${rng.pick(["api", "service", "db", "cache", "worker", "internal"])}`,
  port: (rng) => String(rng.pick([80, 443, 5432, 6379, 8080, 9000, 3306])),
  key: (rng) => rng.pick(NOUNS) + rng.pick(["_id", "_key", "", "_type", "_name", "s"]),
  attr: (rng) => rng.pick(NOUNS) + rng.pick(["", "_id", "Id", "Name", "s"]),
  col: (rng) => `${rng.pick(NOUNS)}_${rng.pick(["id", "key", "slug", "email", "token"])}`,
  table: (rng) => `${rng.pick(NOUNS)}s`,
  model: (rng) => capitalize(rng.pick(NOUNS)),
  word: (rng) => rng.pick(["abc", "null", "undefined", "N/A", "", "true", "<html>"]),
  path: (rng) => `/v1/${rng.pick(NOUNS)}s/${rng.pick(["sync", "status", "lookup", "batch", "search"])}`,
  code: (rng) => rng.pick(["400", "401", "403", "404", "409", "422", "500", "502", "503", "504"]),
  fn: (rng) => `${rng.pick(["get", "load", "find", "parse"])}${capitalize(rng.pick(NOUNS))}`,
};

export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Fills the stable placeholders (`{host}`), leaving volatile ones (`{n}`) for each event. */
export function fillStable(template: string, rng: Rng): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => STABLE[name]?.(rng) ?? whole);
}

/** Fills what varies from event to event (numbers, ids, addresses). */
export function fillVolatile(template: string, rng: Rng): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => VOLATILE[name]?.(rng) ?? whole);
}

/** Parses compact library frame specs, `module|function|context line`, into frames via a path builder. */
export function libraryFrames(
  specs: string[],
  paths: (module: string) => { filename: string; abs_path: string; module?: string },
): LibraryFrame[] {
  return specs.map((spec, index) => {
    const [module = "", fn = "", context] = spec.split("|");
    return {
      ...paths(module),
      function: fn,
      lineno: 40 + ((index * 97 + module.length * 13) % 700),
      ...(context ? { context_line: context } : {}),
    };
  });
}
