// Glob matching as Sentry's rule matchers use it: `*`, `?`, `[…]` classes and `\` escapes; with
// `doubleStar`, `*` and `?` stop at `/` and `**` crosses directories (paths). Compiled patterns
// are cached because the same few hundred default rules run against every frame.

export interface GlobOptions {
  doubleStar?: boolean;
  ignoreCase?: boolean;
  pathNormalize?: boolean;
}

const cache = new Map<string, RegExp>();

function escapeRe(ch: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch;
}

function translate(pattern: string, doubleStar: boolean): string {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === "\\" && i + 1 < pattern.length) {
      re += escapeRe(pattern[++i] as string);
    } else if (ch === "*") {
      if (doubleStar && pattern[i + 1] === "*") {
        re += ".*";
        i++;
      } else {
        re += doubleStar ? "[^/]*" : ".*";
      }
    } else if (ch === "?") {
      re += doubleStar ? "[^/]" : ".";
    } else if (ch === "[") {
      const close = pattern.indexOf("]", i + 2);
      if (close < 0) {
        re += "\\[";
        continue;
      }
      let body = pattern.slice(i + 1, close);
      let negate = false;
      if (body.startsWith("!")) {
        negate = true;
        body = body.slice(1);
      }
      re += `[${negate ? "^" : ""}${body.replace(/[\\\]^]/g, (m) => `\\${m}`)}]`;
      i = close;
    } else {
      re += escapeRe(ch);
    }
  }
  return re;
}

export function compileGlob(pattern: string, opts: GlobOptions = {}): RegExp {
  const key = `${opts.doubleStar ? 1 : 0}${opts.ignoreCase ? 1 : 0}${opts.pathNormalize ? 1 : 0}${pattern}`;
  let re = cache.get(key);
  if (!re) {
    const pat = opts.pathNormalize ? pattern.replace(/\\(?![*?[\]\\{}])/g, "/") : pattern;
    re = new RegExp(`^(?:${translate(pat, opts.doubleStar === true)})$`, opts.ignoreCase ? "is" : "s");
    cache.set(key, re);
  }
  return re;
}

export function globMatch(value: string, pattern: string, opts: GlobOptions = {}): boolean {
  const v = opts.pathNormalize ? value.replaceAll("\\", "/") : value;
  return compileGlob(pattern, opts).test(v);
}
