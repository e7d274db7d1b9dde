// What Sentry does to a JavaScript event before it stores it (symbolicator's JS processing, merged back by
// src/sentry/lang/javascript/processing.py): each frame of a minified bundle whose source map was uploaded for the
// release is mapped to its original file, line, column and function, given source context from the map's
// sourcesContent, and the minified frames are kept as `raw_stacktrace` with the bundle's own (trimmed) context.
import fs from "node:fs";
import path from "node:path";
import { eachMapping, originalPositionFor, sourceContentFor, TraceMap } from "@jridgewell/trace-mapping";
import { functionScopes, scopeAt } from "./js-scopes.mjs";

const CONTEXT_LINES = 5;

/** Loads the artifacts a release uploaded (manifest.json: `[{url, file, sourcemap}]`) and returns the processor. */
export function sourceMapProcessor(artifactsFolder) {
  const manifest = JSON.parse(fs.readFileSync(path.join(artifactsFolder, "manifest.json"), "utf8"));
  const modules = new Map();
  for (const entry of manifest) {
    const minified = fs.readFileSync(path.join(artifactsFolder, entry.file), "utf8");
    const map = new TraceMap(fs.readFileSync(path.join(artifactsFolder, entry.sourcemap), "utf8"));
    const names = new Map();
    eachMapping(map, (m) => {
      if (m.name) names.set(`${m.generatedLine}:${m.generatedColumn}`, m.name);
    });
    const lineStarts = [0];
    for (let i = 0; i < minified.length; i++) if (minified.charCodeAt(i) === 10) lineStarts.push(i + 1);
    modules.set(entry.url, {
      mapUrl: new URL(entry.sourcemap, entry.url).href,
      map,
      names,
      lineStarts,
      minifiedLines: minified.split("\n"),
      scopes: functionScopes(minified),
    });
  }
  return (event) => processEvent(event, modules);
}

function processEvent(event, modules) {
  if (event.platform !== "javascript") return event;
  for (const exception of event.exception?.values ?? []) {
    const frames = exception.stacktrace?.frames;
    if (!frames?.length) continue;
    const raw = frames.map(normalizeFrame);
    let callsiteName;
    const symbolicated = raw.map((frame) => {
      const module = modules.get(frame.abs_path);
      if (!module || !(frame.lineno > 0)) {
        callsiteName = undefined;
        return frame;
      }
      Object.assign(frame, contextOf(module.minifiedLines, frame.lineno, frame.colno ?? 0));
      const { frame: mapped, tokenName } = symbolicateFrame(frame, module, callsiteName);
      callsiteName = tokenName;
      return mapped;
    });
    exception.raw_stacktrace = { frames: raw };
    exception.stacktrace = { ...exception.stacktrace, frames: symbolicated };
  }
  return event;
}

/** Relay's normalization of a browser frame: a URL filename becomes `abs_path`, and `filename` its path. */
function normalizeFrame(frame) {
  const out = { ...frame };
  if (!out.abs_path && out.filename) out.abs_path = out.filename;
  if (/^https?:\/\//.test(out.abs_path ?? "") && out.filename === out.abs_path) {
    const { pathname } = new URL(out.abs_path);
    if (pathname && pathname !== "/") out.filename = pathname;
  }
  return out;
}

function symbolicateFrame(raw, module, callsiteName) {
  const { map, names, lineStarts, scopes } = module;
  const column = (raw.colno ?? 1) - 1;
  const token = originalPositionFor(map, { line: raw.lineno, column });
  if (token.source === null) return { frame: raw, tokenName: undefined };
  const frame = { ...raw, data: { ...raw.data, sourcemap: module.mapUrl, resolved_with: "release", symbolicated: true } };
  delete frame.pre_context;
  delete frame.context_line;
  delete frame.post_context;

  // The function: the minified scope around the position, its name parts mapped back through the map's names.
  const scope = scopeAt(scopes, lineStarts[raw.lineno - 1] + column);
  const originalName = (offset, text) => {
    const line = lowerBound(lineStarts, offset);
    return names.get(`${line + 1}:${offset - lineStarts[line]}`) ?? text;
  };
  const scopeName = scope ? scope.render(originalName) : undefined;
  frame.function = foldFunctionName(functionForToken(raw.function, scopeName ?? raw.function ?? "<unknown>", callsiteName));

  frame.abs_path = new URL(token.source, module.mapUrl).href;
  frame.filename = token.source;
  if (!frame.module) frame.module = generateModule(frame.abs_path);
  if (/\/node_modules\//.test(frame.abs_path)) frame.in_app = false;
  frame.lineno = token.line;
  frame.colno = token.column + 1;
  const content = sourceContentFor(map, token.source);
  if (content !== null) Object.assign(frame, contextOf(content.split("\n"), frame.lineno, frame.colno));
  return { frame, tokenName: token.name ?? undefined };
}

const USELESS_FUNCTION_NAMES = new Set(["<anonymous>", "__webpack_require__", "__webpack_modules__"]);

/** symbolicator's choice: the scope's name, else the name the caller called it by, else the minified name. */
function functionForToken(minifiedName, scopeName, callsiteName) {
  if (!USELESS_FUNCTION_NAMES.has(scopeName)) return scopeName;
  if (callsiteName) return callsiteName;
  if (minifiedName === undefined) return scopeName;
  return minifiedName;
}

/** `a.b.b.c` → `a.{b#2}.c`: repeated parts folded, the last one kept. */
function foldFunctionName(name) {
  const parts = name.split(".");
  if (parts.length === 1) return name;
  const tail = parts.pop();
  const groups = [];
  for (const part of parts) {
    const last = groups.at(-1);
    if (last && last.part === part) last.count++;
    else groups.push({ part, count: 1 });
  }
  return [...groups.map((g) => (g.count === 1 ? g.part : `{${g.part}#${g.count}}`)), tail].join(".");
}

const CLEAN_MODULE =
  /^(?:\/|(?:(?:java)?scripts?|js|build|static|node_modules|bower_components|[_.~].*?|v?(?:\d+\.)*\d+|[a-f0-9]{7,8}|[a-f0-9]{32}|[a-f0-9]{40})\/)+|(?:[-.][a-f0-9]{7,}$)/gi;

/** A made-up module name from a URL, as Sentry makes one: `https://host/js/v1.0/foo/bar.js` → `foo/bar`. */
function generateModule(absPath) {
  let pathname = absPath.replace(/^[a-z]+:\/\/[^/]*/i, "").split(/[#?]/)[0];
  const dot = Math.max(pathname.lastIndexOf("."), pathname.lastIndexOf("/"));
  if (dot >= 0 && pathname[dot] === ".") pathname = pathname.slice(0, dot);
  if (pathname.endsWith(".min")) pathname = pathname.slice(0, -4);
  return pathname.replace(CLEAN_MODULE, "");
}

/** Five lines of context either side; a line over 150 characters is cut to 140 around the column. */
function contextOf(lines, lineno, colno) {
  if (lineno < 1 || lineno > lines.length) return {};
  const trim = (line, column = 0) => trimLine(line.replace(/\r$/, ""), column);
  return {
    pre_context: lines.slice(Math.max(0, lineno - 1 - CONTEXT_LINES), lineno - 1).map((l) => trim(l)),
    context_line: trim(lines[lineno - 1], colno),
    post_context: lines.slice(lineno, lineno + CONTEXT_LINES).map((l) => trim(l)),
  };
}

function trimLine(line, column) {
  if (line.length <= 150) return line;
  let start = Math.max(Math.min(column, line.length) - 60, 0);
  if (start < 5) start = 0;
  let end = Math.min(start + 140, line.length);
  if (end > line.length - 5) end = line.length;
  if (end === line.length) start = Math.max(end - 140, 0);
  return `${start > 0 ? "{snip} " : ""}${line.slice(start, end)}${end < line.length ? " {snip}" : ""}`;
}

function lowerBound(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
