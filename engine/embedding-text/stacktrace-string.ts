import type { GroupingComponent } from "@/engine/fingerprinting";

// Sentry's `get_stacktrace_string`: the text its similarity service (Seer) embeds, built from the
// grouping tree of the variant that groups the event. The same rules here make regroup's own
// ingest embed exactly what a Sentry would send:
// - exceptions most recent first (Sentry lists the outermost last): the last 30, reversed;
// - a non-contributing exception is skipped; a header `{type}: {value}` per exception;
// - each contributing frame as `  File "{filename, else module, else None}", function {function}`
//   and its context line indented below it, the indented line kept even when it is empty;
// - at most 30 frames in all, spent from the most recent exception and its most recent frames;
//   20 when every context line is minified (`{snip}` at either end);
// - a filename that says nothing (`<compiler-generated>`) is treated as missing;
// - frames whose filename is an inline `data:` (base64) script are left out (they still count);
// - a lone frame with no filename and no header is too little to group on: no text at all.

export const MAX_EXCEPTION_COUNT = 30;
export const MAX_FRAME_COUNT = 30;
export const FULLY_MINIFIED_MAX_FRAME_COUNT = 20;
export const BASE64_ENCODED_PREFIXES = [
  "data:text/html;base64",
  "data:text/javascript;base64",
  "html;base64",
  "javascript;base64",
];

// Filenames that name no file; Sentry's `IGNORED_FILENAMES` (added for Swift's synthetic frames).
export const IGNORED_FILENAMES = new Set(["<compiler-generated>"]);

type Child = GroupingComponent | string;

const isComponent = (c: Child): c is GroupingComponent => typeof c !== "string";

// The first value of a leaf, as Sentry's `_get_value_if_exists` reads it.
function firstValue(c: GroupingComponent | undefined): string {
  const v = c?.values[0];
  return typeof v === "string" ? v : "";
}

function child(c: GroupingComponent, id: string): GroupingComponent | undefined {
  return c.values.find((v): v is GroupingComponent => isComponent(v) && v.id === id);
}

/** Whether a context line was cut by source-map processing of minified code. */
export function isSnippedContextLine(line: string): boolean {
  return line.startsWith("{snip}") || line.endsWith("{snip}");
}

function isBase64Filename(filename: string): boolean {
  return BASE64_ENCODED_PREFIXES.some((prefix) => filename.startsWith(prefix));
}

// The last `max - used` items (all of them when they fit; none when the budget is spent).
function keepRecent<T>(items: T[], max: number, used: number): T[] {
  if (used >= max) return [];
  return used + items.length > max ? items.slice(items.length - (max - used)) : items;
}

interface FrameState {
  count: number;
  foundUnsnippedLine: boolean;
  hasNoFilename: boolean;
}

function frameStrings(frames: readonly Child[], state: FrameState): string[] {
  const contributing = frames.filter(
    (f): f is GroupingComponent => isComponent(f) && f.id === "frame" && f.contributes,
  );
  const kept = keepRecent(contributing, MAX_FRAME_COUNT, state.count);
  state.count += kept.length;
  const out: string[] = [];
  for (const frame of kept) {
    const sent = firstValue(child(frame, "filename"));
    const filename = IGNORED_FILENAMES.has(sent) ? "" : sent;
    const location = filename || firstValue(child(frame, "module")) || "None";
    const context = firstValue(child(frame, "context-line"));
    if (!isSnippedContextLine(context)) state.foundUnsnippedLine = true;
    if (!filename) state.hasNoFilename = true;
    if (isBase64Filename(filename)) continue;
    out.push(`  File "${location}", function ${firstValue(child(frame, "function"))}\n    ${context}\n`);
  }
  return out;
}

/** The stacktrace string of a variant's grouping tree (its root: `app` or `system`). */
export function stacktraceString(root: GroupingComponent): string {
  let exceptions = root.values.filter(isComponent);
  if (exceptions[0]?.id === "chained-exception") exceptions = exceptions[0].values.filter(isComponent);

  const state: FrameState = { count: 0, foundUnsnippedLine: false, hasNoFilename: false };
  const parts: { header: string; frames: string[] }[] = [];
  for (const exception of exceptions.slice(-MAX_EXCEPTION_COUNT).reverse()) {
    if (!exception.contributes || !["exception", "threads", "stacktrace"].includes(exception.id)) continue;
    let frames: string[] = [];
    if (exception.id === "stacktrace") {
      frames = frameStrings(exception.values, state);
    } else {
      for (const part of exception.values.filter(isComponent)) {
        if (part.id === "stacktrace" && state.count < MAX_FRAME_COUNT) frames = frameStrings(part.values, state);
      }
    }
    const header =
      exception.id === "exception"
        ? `${firstValue(child(exception, "type"))}: ${firstValue(child(exception, "value"))}\n`
        : "";
    parts.push({ header, frames });
  }

  const only = parts.length === 1 ? parts[0] : undefined;
  if (state.hasNoFilename && only && only.header === "" && only.frames.length === 1) return "";

  let text = "";
  let minifiedCount = 0;
  for (const { header, frames } of parts) {
    let kept = frames;
    // Minified frames are far denser in tokens; a fully minified stack keeps fewer of them.
    if (!state.foundUnsnippedLine) {
      kept = keepRecent(frames, FULLY_MINIFIED_MAX_FRAME_COUNT, minifiedCount);
      minifiedCount += kept.length;
    }
    text += header + kept.join("");
  }
  return text.trim();
}
