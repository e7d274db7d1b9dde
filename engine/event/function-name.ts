import { BoundedCache, cached } from "./bounded-cache";
import { familyForPlatform } from "./platform";

// Trimming of native and C# function names, so that `function` holds a stable name without
// arguments, return types and template parameters (Sentry's `trim_function_name`).

const WINDECL_HASH = /^@?(.*?)@[0-9]+$/;
const RUST_HASH = /::h[a-z0-9]{16}$/;
const GNU_VERSION = /@@?GLIBC_([0-9.]+)$/;
const RUST_BLANKET = /^([A-Z] as )/;
// Sentry's lambda pattern is `\{lambda\(.*?\)#\d+\}|\blambda_[a-f0-9]{32}\b|\$_\d+\b`. Its first
// alternative rescans to the line's end from every `{lambda(` that never closes (quadratic), so
// the regexes below find only the opener and `LambdaCloser` finds its `)#N}` scanning forward once.
const LAMBDA_OPENER = "{lambda(";
const LAMBDA = /\{lambda\(|\blambda_[a-f0-9]{32}\b|\$_\d+\b/g;
const LAMBDA_AT_START = /\{lambda\(|\blambda_[a-f0-9]{32}\b|\$_\d+\b/y;
const ANON_NAMESPACE = /\?A0x[a-f0-9]{8}::/g;
const TOKEN_BREAK = /\s|[({<[]/;
const PAIRS: Record<string, string> = { "(": ")", "{": "}", "[": "]", "<": ">" };

type Replacement = (inner: string, start: number) => string;

const isLineTerminator = (ch: string) => ch === "\n" || ch === "\r" || ch === "\u2028" || ch === "\u2029";
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= "0" && ch <= "9";

/** Finds the `)#N}` that closes a `{lambda(`; asked about openers left to right, it never scans a character twice. */
class LambdaCloser {
  // Where the last scan stopped: a closing `)#N}` (at `stop`, ending at `end`), a line end, or the text's end.
  private stop = -1;
  private end = -1;

  constructor(private readonly s: string) {}

  /** The end of the lambda whose arguments start at `from`, or -1 when the line has no `)#N}`. */
  closeFrom(from: number): number {
    if (this.stop < from) this.scan(from);
    return this.end;
  }

  private scan(from: number): void {
    const s = this.s;
    for (let k = from; k < s.length; k++) {
      const ch = s[k] as string;
      if (isLineTerminator(ch)) break;
      if (ch !== ")" || s[k + 1] !== "#" || !isDigit(s[k + 2])) continue;
      let j = k + 2;
      while (isDigit(s[j])) j++;
      if (s[j] === "}") {
        this.stop = k;
        this.end = j + 1;
        return;
      }
    }
    // Nothing closes before the line's end: every opener up to there fails too.
    let lineEnd = from;
    while (lineEnd < s.length && !isLineTerminator(s[lineEnd] as string)) lineEnd++;
    this.stop = lineEnd;
    this.end = -1;
  }
}

/** Compilers name lambdas inconsistently; collapses them all to `lambda` (Sentry's pattern, in linear time). */
export function collapseLambdas(fn: string): string {
  const closer = new LambdaCloser(fn);
  let out = "";
  let copied = 0;
  LAMBDA.lastIndex = 0;
  for (let m = LAMBDA.exec(fn); m; m = LAMBDA.exec(fn)) {
    let end = m.index + m[0].length;
    if (m[0] === LAMBDA_OPENER) {
      end = closer.closeFrom(end);
      if (end < 0) {
        LAMBDA.lastIndex = m.index + 1;
        continue;
      }
    }
    out += `${fn.slice(copied, m.index)}lambda`;
    copied = LAMBDA.lastIndex = end;
  }
  return out + fn.slice(copied);
}

function startsWithLambda(value: string): boolean {
  LAMBDA_AT_START.lastIndex = 0;
  const m = LAMBDA_AT_START.exec(value);
  if (!m) return false;
  return m[0] !== LAMBDA_OPENER || new LambdaCloser(value).closeFrom(LAMBDA_OPENER.length) >= 0;
}

// `(\bconst\b|&)$` stripped repeatedly, with the whitespace before it: one backward pass.
function stripCppTrailers(fn: string): string {
  let end = fn.length;
  for (;;) {
    if (fn[end - 1] === "&") end -= 1;
    else if (fn.endsWith("const", end) && !/\w/.test(fn[end - 6] ?? "")) end -= 5;
    else return fn.slice(0, end);
    while (end > 0 && /\s/.test(fn[end - 1] as string)) end--;
  }
}

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
  fn = stripCppTrailers(replaceEnclosed(fn, "[", "]", (v) => (v.startsWith("clone .") ? "" : `[${v}]`)).trimEnd());

  // Operators would confuse bracket balancing; park them on characters that never occur.
  fn = fn
    .replaceAll("operator<<", "operator⟨⟨")
    .replaceAll("operator<", "operator⟨")
    .replaceAll("operator()", "operator◯")
    .replaceAll("operator->", "operator⟿")
    .replaceAll(" -> ", " ⟿ ")
    .replaceAll("`anonymous namespace'", "〔anonymousnamespace〕");

  if (fn.includes("lambda") || fn.includes("$_")) fn = collapseLambdas(fn);
  if (fn.includes("?A0x")) fn = fn.replace(ANON_NAMESPACE, "〔anonymousnamespace〕::");

  fn = replaceEnclosed(fn, "(", ")", (v) => {
    const t = v.trim();
    return t === "anonymous namespace" || t === "operator" ? `(${t})` : "";
  });

  const processGenerics: Replacement = (value, start) => {
    if (value === "lambda" || startsWithLambda(value)) return `<${value}>`;
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
// so that the lookup needs no concatenated key), within a budget of key characters.
const NATIVE_CACHE_LIMITS = { maxEntries: 20_000, maxChars: 4_000_000, maxKeyLength: 4_096 };
const nativeCache = new Map<string, BoundedCache<string>>();

// Longer than any symbol Relay forwards (256 characters) many times over: such a name is kept as
// it is rather than taken apart (the bracket nesting of generics is walked recursively).
const MAX_TRIMMED_NATIVE_NAME = 4_096;

/** Trimmed function name for grouping (native: drop arguments, return type, templates; C#: drop the signature). */
export function trimFunctionName(fn: string, platform: string | null | undefined): string {
  if (platform === "csharp") return fn.split(" (")[0] as string;
  if (familyForPlatform(platform) !== "native" || fn.length > MAX_TRIMMED_NATIVE_NAME) return fn;
  const key = platform as string; // native platforms are named (five of them)
  let byName = nativeCache.get(key);
  if (!byName) nativeCache.set(key, (byName = new BoundedCache(NATIVE_CACHE_LIMITS)));
  return cached(byName, fn, (name) => trimNative(name, platform));
}
