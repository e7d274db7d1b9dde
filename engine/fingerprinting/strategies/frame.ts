import type { GFrame } from "@/engine/event/normalize";
import { familyForPlatform, hasUrlOrigin } from "@/engine/event/platform";
import type { GroupingComponent } from "../component";
import { component, update } from "../component";
import { CONTEXT_LINE_PLATFORMS } from "./context";

// The `frame` component: module, filename, function and (for some platforms) the context line,
// each normalised so that the same code location hashes the same across builds and browsers.

const RUBY_ERB = /__\d{4,}_\d{4,}$/;
const JAVA_REFLECT = /(sun\.reflect\.Generated(?:Serialization)?ConstructorAccessor)\d+/g;
const JAVA_CGLIB = /(\$\$[\w_]+?CGLIB\$\$)[a-fA-F0-9]+(_[0-9]+)?/g;
const JAVA_ASSIST = /(\$\$_javassist)(?:_seam)?(?:_[0-9]+)?/g;
const CLOJURE = /(\$fn__)\d+/g;
const WHITESPACE = /\s+/g;

function filenameComponent(absPath: string | null, filename: string | null, platform: string): GroupingComponent {
  if (filename === null) return component("filename");
  // The last path segment, separated by a slash or a backslash.
  const base = filename.slice(Math.max(filename.lastIndexOf("/"), filename.lastIndexOf("\\")) + 1).toLowerCase();
  const c = component("filename", { values: [base] });
  if (hasUrlOrigin(absPath, true)) update(c, { contributes: false, hint: "ignored because frame points to a URL" });
  else if (base === "<anonymous>") update(c, { contributes: false, hint: "anonymous filename discarded" });
  else if (base === "[native code]") update(c, { contributes: false, hint: "native code indicated by filename" });
  else if (platform === "java") {
    const cleaned = base.replace(JAVA_ASSIST, "$1<auto>");
    if (cleaned !== base) update(c, { values: [cleaned], hint: "cleaned javassist parts" });
  }
  return c;
}

function moduleComponent(absPath: string | null, module: string | null, platform: string): GroupingComponent {
  if (module === null) return component("module");
  const c = component("module", { values: [module] });
  if (platform === "javascript" && module.includes("/") && absPath && absPath.endsWith(module)) {
    update(c, { contributes: false, hint: "ignored bad javascript module" });
  } else if (platform === "java") {
    if (module.includes("$$Lambda$")) update(c, { contributes: false, hint: "ignored java lambda" });
    if (module.startsWith("sun.reflect.GeneratedMethodAccessor")) {
      update(c, { values: ["sun.reflect.GeneratedMethodAccessor"], hint: "removed reflection marker" });
    } else if (module.startsWith("jdk.internal.reflect.GeneratedMethodAccessor")) {
      update(c, { values: ["jdk.internal.reflect.GeneratedMethodAccessor"], hint: "removed reflection marker" });
    } else {
      const cleaned = module
        .replace(JAVA_REFLECT, "$1<auto>")
        .replace(JAVA_CGLIB, "$1<auto>")
        .replace(JAVA_ASSIST, "$1<auto>")
        .replace(CLOJURE, "$1<auto>");
      if (cleaned !== module) update(c, { values: [cleaned], hint: "removed codegen marker" });
    }
  }
  return c;
}

function functionComponent(frame: GFrame, platform: string, contextLineContributes: boolean): GroupingComponent {
  // C# function names were trimmed late in Sentry's history; the raw name is kept for stability.
  const func = platform === "csharp" ? frame.raw_function || frame.function : frame.function || frame.raw_function;
  if (!func) return component("function");
  const c = component("function", { values: [func] });
  const family = familyForPlatform(platform);
  if (platform === "ruby") {
    if (func.startsWith("block ")) update(c, { values: ["block"], hint: "ruby block" });
    else {
      const cleaned = func.replace(RUBY_ERB, "");
      if (cleaned !== func) update(c, { values: [cleaned], hint: "removed generated erb template suffix" });
    }
  } else if (platform === "php") {
    if (func.startsWith("[Anonymous") || func.startsWith("class@anonymous\x00")) {
      update(c, { contributes: false, hint: "ignored anonymous function" });
    }
    if (func.startsWith("class@anonymous")) {
      const cleaned = func.split("::").pop() as string;
      if (cleaned !== func) update(c, { values: [cleaned], hint: "anonymous class method" });
    }
  } else if (platform === "java") {
    if (func.startsWith("lambda$")) update(c, { contributes: false, hint: "ignored lambda function" });
  } else if (family === "native") {
    if (func === "<redacted>" || func === "<unknown>")
      update(c, { contributes: false, hint: "ignored unknown function" });
  } else if (family === "javascript") {
    // Browsers disagree on `Object.foo` vs `foo`.
    const cleaned = func.split(".").pop() as string;
    if (cleaned !== func) update(c, { values: [cleaned], hint: "trimmed javascript function" });
    // Function names from source maps are unreliable; the context line is the better signal.
    if (frame.sourcemap && contextLineContributes) {
      update(c, { contributes: false, hint: "ignored because sourcemap used and context line available" });
    }
  }
  return c;
}

function contextLineComponent(frame: GFrame, platform: string): GroupingComponent {
  const raw = frame.context_line ?? "";
  // Whitespace runs collapsed to one space and trimmed (`\s` and trim() share one definition).
  const line = raw.replace(WHITESPACE, " ").trim();
  if (!line) return component("context-line");
  const c = component("context-line", { values: [line] });
  if (raw.length > 120) update(c, { contributes: false, hint: "discarded because line too long" });
  else if (familyForPlatform(platform) === "javascript" && !frame.function && hasUrlOrigin(frame.abs_path)) {
    update(c, { contributes: false, hint: "discarded because from URL origin and no function" });
  }
  return c;
}

/** The frame component (before stack trace rules and the app/system split are applied). */
export function frameComponent(frame: GFrame, eventPlatform: string, isRecursion: boolean): GroupingComponent {
  const platform = frame.platform || eventPlatform;
  const filename = filenameComponent(frame.abs_path, frame.filename, platform);
  const moduleC = moduleComponent(frame.abs_path, frame.module, platform);
  if (moduleC.contributes && filename.contributes) {
    update(filename, { contributes: false, hint: "module takes precedence" });
  }
  const contextLine = CONTEXT_LINE_PLATFORMS.has(platform) ? contextLineComponent(frame, platform) : null;
  const fn = functionComponent(frame, platform, contextLine?.contributes === true);
  const values = contextLine ? [moduleC, filename, fn, contextLine] : [moduleC, filename, fn];
  const rv = component("frame", { values });

  if (familyForPlatform(platform) === "javascript") {
    let func = frame.raw_function || frame.function;
    if (func) func = func.split(".").pop() as string;
    if (!func) update(fn, { contributes: false });
    else if (
      func === "?" ||
      func === "<anonymous function>" ||
      func === "<anonymous>" ||
      func === "Anonymous function" ||
      func.endsWith("/<")
    ) {
      update(fn, { contributes: false, hint: "ignored unknown function name" });
    }
    if (
      func === "eval" ||
      frame.abs_path === "[native code]" ||
      frame.abs_path === "native code" ||
      frame.abs_path === "eval code" ||
      frame.abs_path === "<anonymous>"
    ) {
      update(rv, { contributes: false, hint: "ignored low quality javascript frame" });
    }
  }
  if (isRecursion) update(rv, { contributes: false, hint: "ignored due to recursion" });
  return rv;
}
