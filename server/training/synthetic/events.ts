import type { App, AppFunction } from "./codebase";
import { PLATFORM_SPECS } from "./platforms";
import { fillVolatile } from "./platforms/spec";
import { Rng } from "@/engine/math/random";
import type { RootCause } from "./root-causes";
import type { SyntheticEvent, SyntheticException, SyntheticFrame } from "./types";

const ARGS = [
  "payload",
  "request",
  "data",
  "params",
  "item",
  "options",
  "record",
  "ctx",
  "user",
  "project",
  "group",
  "event",
];

/**
 * The source line where `caller` calls `callee`: the same in every event of a release (it is code), and
 * occasionally rewritten in a later release.
 */
function callSite(app: App, caller: string, callee: string, releaseIndex: number): string {
  const rewritten = new Rng(`${app.name}:${caller}:${callee}:rewrite`).chance(0.15) && releaseIndex >= 2;
  const rng = new Rng(`${app.name}:${caller}:${callee}:${rewritten ? "new" : "old"}`);
  return callLine(rng.pick(PLATFORM_SPECS[app.platform].callCode), callee, rng);
}

function callLine(template: string, callee: string, rng: Rng): string {
  const bare = callee.replace(/^.*(::|\.)/, "").replace(/^\(\*\w+\)\./, "");
  return template.replace(/\{callee\}/g, bare).replace(/\{arg\}/g, rng.pick(ARGS));
}

/** Frames of one in-app function as released in `release`: its line moves a little between releases. */
function appFrame(app: App, fn: AppFunction, releaseIndex: number, code: string): SyntheticFrame {
  const line = fn.line + ((releaseIndex * 7 + fn.name.length) % 23) * (releaseIndex > 0 ? 1 : 0);
  return PLATFORM_SPECS[app.platform].appFrame({
    company: app.company,
    pkg: app.pkg,
    domain: fn.domain,
    layer: fn.layer,
    fn: fn.name,
    line,
    code,
  });
}

function withoutEmptyContext(frame: SyntheticFrame): SyntheticFrame {
  if (frame.context_line) return frame;
  const { context_line: _drop, ...rest } = frame;
  return rest;
}

/**
 * Renders one event of a root cause. What varies between events of the same root cause is what varies in
 * production: the outer path and its depth, the release (line numbers), message parameters, wrapper frames
 * from decorators, recursion, sometimes a different library path or message wording.
 */
export function renderEvent(rng: Rng, app: App, cause: RootCause, project: string): SyntheticEvent {
  const spec = PLATFORM_SPECS[app.platform];
  let outer = rng.pick(cause.outerPaths).slice();
  if (rng.chance(0.2) && outer.length > 1) outer.splice(rng.int(1, outer.length - 1), 1);
  if (rng.chance(0.2)) outer.splice(rng.int(1, outer.length), 0, rng.pick(app.functions.service));
  if (rng.chance(0.1)) outer = [rng.pick(app.functions.entry)];
  const chain = cause.chain.slice();
  const releaseIndex = rng.int(0, app.releases.length - 1);
  const calls: SyntheticFrame[] = [];
  const path = outer.concat(chain);
  path.forEach((fn, i) => {
    const next = path[i + 1];
    const code = next ? callSite(app, fn.name, next.name, releaseIndex) : cause.crashCode;
    calls.push(appFrame(app, fn, releaseIndex, code));
    if (next && rng.chance(0.06)) {
      const wrapper = rng.pick(spec.wrappers);
      calls.push({
        ...appFrame(app, fn, releaseIndex, callSite(app, wrapper, next.name, releaseIndex)),
        function: wrapper,
        in_app: rng.chance(0.5),
      });
    }
  });
  if (rng.chance(0.05) && calls.length > 2) {
    const at = rng.int(0, calls.length - 2);
    const repeated = calls[at] as SyntheticFrame;
    calls.splice(at + 1, 0, { ...repeated, lineno: repeated.lineno + 3 });
  }
  const tailIndex = rng.chance(0.12) ? rng.int(0, cause.failure.tails.length - 1) : cause.tailIndex;
  const tail = (cause.failure.tails[tailIndex] ?? []).map((frame, i) => ({
    ...frame,
    lineno: frame.lineno ?? 10 + i,
    in_app: false,
  }));
  const entry = (spec.entries[cause.entryIndex] ?? []).map((frame, i) => ({
    ...frame,
    lineno: frame.lineno ?? 10 + i,
    in_app: false,
  }));
  const frames = entry.concat(calls, tail).map(withoutEmptyContext);
  const messageTemplate = rng.chance(0.85) ? (cause.messages[0] as string) : rng.pick(cause.messages);
  const exception: SyntheticException = {
    type: cause.failure.type,
    value: fillVolatile(messageTemplate, rng),
    ...(cause.failure.module ? { module: cause.failure.module } : {}),
    mechanism: { type: rng.chance(0.8) ? "generic" : "onerror", handled: rng.chance(0.3) },
    stacktrace: { frames },
  };
  const values: SyntheticException[] = [];
  const causeSpec = cause.failure.cause;
  if (causeSpec) {
    values.push({
      type: causeSpec.type,
      value: fillVolatile(cause.causeMessage ?? "", rng),
      ...(causeSpec.module ? { module: causeSpec.module } : {}),
      stacktrace: { frames: tail.slice(-2) },
    });
  }
  values.push(exception);
  const release = app.releases[releaseIndex] as string;
  return {
    event: {
      event_id: rng.hex(32),
      platform: app.platform,
      level: rng.chance(0.9) ? "error" : "fatal",
      timestamp: 1_750_000_000 + rng.int(0, 90 * 86_400),
      release: `${app.name}@${release}`,
      environment: rng.pick(["production", "production", "staging"]),
      exception: { values },
      tags: { server_name: `${app.name}-${rng.hex(5)}`, runtime: app.platform },
      sdk: spec.sdk,
    },
    rootCauseId: cause.id,
    familyId: cause.familyId,
    project,
    app: app.name,
    platform: app.platform,
  };
}
