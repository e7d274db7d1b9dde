import { familyForPlatform } from "./platform";

// Trimming of native and C# function names, so that `function` holds a stable name without
// arguments, return types and template parameters (Sentry's `trim_function_name`).

const WINDECL_HASH = /^@?(.*?)@[0-9]+$/;
const RUST_HASH = /::h[a-z0-9]{16}$/;
const GNU_VERSION = /@@?GLIBC_([0-9.]+)$/;
const CPP_TRAILER = /(\bconst\b|&)$/;
const RUST_BLANKET = /^([A-Z] as )/;
const LAMBDA = /(?:\{lambda\(.*?\)#\d+\})|(?:\blambda_[a-f0-9]{32}\b)|(?:\$_\d+\b)/g;
const LAMBDA_AT_START = /^(?:(?:\{lambda\(.*?\)#\d+\})|(?:\blambda_[a-f0-9]{32}\b)|(?:\$_\d+\b))/;
const ANON_NAMESPACE = /\?A0x[a-f0-9]{8}::/g;
const TOKEN_BREAK = /\s|[({<[]/;
const PAIRS: Record<string, string> = { "(": ")", "{": "}", "[": "]", "<": ">" };

type Replacement = (inner: string, start: number) => string;

/** Replaces each balanced `start…end` run (outermost only) with the replacement's result. */
export function replaceEnclosed(s: string, start: string, end: string, replace: Replacement): string {
  if (!s.includes(start)) return s;
  let depth = 0;
  let pairStart = 0;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (ch === start) {
      if (depth === 0) pairStart = i;
      depth++;
    } else if (ch === end) {
      depth--;
      if (depth === 0) out += replace(s.slice(pairStart + 1, i), pairStart);
    } else if (depth === 0) {
      out += ch;
    }
  }
  return out;
}

function splitFuncTokens(s: string): string[] {
  if (s && !TOKEN_BREAK.test(s)) return [s];
  const rv: string[][] = [];
  let buf: string[] = [];
  const stack: string[] = [];
  let end = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    const closing = PAIRS[ch];
    if (closing !== undefined) {
      stack.push(closing);
    } else if (stack.length > 0 && ch === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) {
        buf.push(s.slice(end, i + 1));
        end = i + 1;
      }
    } else if (stack.length === 0) {
      if (/\s/.test(ch)) {
        if (buf.length > 0) rv.push(buf);
        buf = [];
      } else {
        buf.push(s.slice(end, i + 1));
      }
      end = i + 1;
    }
  }
  if (buf.length > 0) rv.push(buf);
  return rv.map((parts) => parts.join(""));
}

function trimNative(original: string, platform: string | null | undefined): string {
  if (original === "<redacted>" || original === "<unknown>") return original;
  let fn = original.trim();
  if (fn.startsWith("[") || fn.startsWith("+[") || fn.startsWith("-[")) return fn;

  // `[clone .cold]` style annotations come from compiler function splitting.
  fn = replaceEnclosed(fn, "[", "]", (v) => (v.startsWith("clone .") ? "" : `[${v}]`)).trimEnd();
  for (let m = CPP_TRAILER.exec(fn); m; m = CPP_TRAILER.exec(fn)) fn = fn.slice(0, m.index).trimEnd();

  // Operators would confuse bracket balancing; park them on characters that never occur.
  fn = fn
    .replaceAll("operator<<", "operator⟨⟨")
    .replaceAll("operator<", "operator⟨")
    .replaceAll("operator()", "operator◯")
    .replaceAll("operator->", "operator⟿")
    .replaceAll(" -> ", " ⟿ ")
    .replaceAll("`anonymous namespace'", "〔anonymousnamespace〕");

  // Compilers name lambdas inconsistently; collapse them all to `lambda`.
  if (fn.includes("lambda") || fn.includes("$_")) fn = fn.replace(LAMBDA, "lambda");
  if (fn.includes("?A0x")) fn = fn.replace(ANON_NAMESPACE, "〔anonymousnamespace〕::");

  fn = replaceEnclosed(fn, "(", ")", (v) => {
    const t = v.trim();
    return t === "anonymous namespace" || t === "operator" ? `(${t})` : "";
  });

  const processGenerics: Replacement = (value, start) => {
    if (value === "lambda" || LAMBDA_AT_START.test(value)) return `<${value}>`;
    if (start > 0) return "<T>";
    const v = replaceEnclosed(value.replace(RUST_BLANKET, ""), "<", ">", processGenerics);
    return v.split(" as ")[0] as string;
  };
  fn = replaceEnclosed(fn, "<", ">", processGenerics);

  const isThunk = fn.includes("thunk for ");
  const tokens = splitFuncTokens(fn);
  if (tokens.length > 1 && tokens[tokens.length - 1] === "<T>") {
    tokens.pop();
    tokens[tokens.length - 1] += " <T>";
  }

  let funcToken: string | undefined;
  if (tokens.length > 0) {
    const arrow = tokens.lastIndexOf("⟿");
    if (arrow >= 0) {
      funcToken = tokens[arrow - 1];
      if (funcToken === "throws") funcToken = tokens[arrow - 2];
    } else {
      funcToken = tokens[tokens.length - 1];
    }
  }
  if (funcToken) {
    if (funcToken.startsWith("@") && (platform === "cocoa" || platform === "swift")) {
      funcToken = (isThunk ? "thunk for " : "") + "closure";
    } else if (tokens.includes("closure") && funcToken !== "closure") {
      funcToken = `closure in ${funcToken}`;
    }
    fn = funcToken
      .replaceAll("⟨", "<")
      .replaceAll("◯", "()")
      .replaceAll("⟿", "->")
      .replaceAll("〔anonymousnamespace〕", "`anonymous namespace'");
  } else {
    fn = original;
  }
  if (fn.includes("::h")) fn = fn.replace(RUST_HASH, "");
  if (fn.includes("@GLIBC_")) fn = fn.replace(GNU_VERSION, "");
  return fn.includes("@") ? fn.replace(WINDECL_HASH, "$1") : fn;
}

// The same symbols recur across events; trimming is pure, so remember results (per platform,
// so that the lookup needs no concatenated key).
const NATIVE_CACHE_LIMIT = 20_000;
const nativeCache = new Map<string, Map<string, string>>();
let nativeCacheSize = 0;

/** Trimmed function name for grouping (native: drop arguments, return type, templates; C#: drop the signature). */
export function trimFunctionName(fn: string, platform: string | null | undefined): string {
  if (platform === "csharp") return fn.split(" (")[0] as string;
  if (familyForPlatform(platform) !== "native") return fn;
  const key = platform as string; // native platforms are named
  let byName = nativeCache.get(key);
  let trimmed = byName?.get(fn);
  if (trimmed === undefined) {
    if (nativeCacheSize > NATIVE_CACHE_LIMIT) {
      nativeCache.clear();
      nativeCacheSize = 0;
      byName = undefined;
    }
    if (!byName) nativeCache.set(key, (byName = new Map()));
    trimmed = trimNative(fn, platform);
    byName.set(fn, trimmed);
    nativeCacheSize++;
  }
  return trimmed;
}
