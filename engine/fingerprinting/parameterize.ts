import { BoundedCache, cached } from "@/engine/event/bounded-cache";

// Normalisation of exception values and log messages before they are hashed: keep the first two
// non-empty lines and replace event-specific values (ids, numbers, dates, addresses…) with
// placeholders, so that "user 42 not found" and "user 43 not found" group together.

const IPV4 = String.raw`(?:(?:25[0-5]|(?:2[0-4]|1?[0-9])?[0-9])\.){3}(?:25[0-5]|(?:2[0-4]|1?[0-9])?[0-9])`;
const H = "[0-9a-fA-F]{1,4}";
const IPV6 = [
  String.raw`(?:${H}:){7}${H}`,
  String.raw`(?:${H}:){1,7}:`,
  String.raw`(?:${H}:){1,6}:${H}`,
  String.raw`(?:${H}:){1,5}(?::${H}){1,2}`,
  String.raw`(?:${H}:){1,4}(?::${H}){1,3}`,
  String.raw`(?:${H}:){1,3}(?::${H}){1,4}`,
  String.raw`(?:${H}:){1,2}(?::${H}){1,5}`,
  String.raw`${H}:(?:(?::${H}){1,6})`,
  String.raw`:(?:(?::${H}){1,7}|:)`,
  String.raw`fe80:(?::[0-9a-fA-F]{0,4}){0,4}%[0-9a-zA-Z]+`,
  String.raw`::(?:ffff(?::0{1,4})?:)?${IPV4}`,
  String.raw`(?:${H}:){1,4}:${IPV4}\b`,
].join("|");

const MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
const DATE = [
  String.raw`\d{4}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-5]\d\.\d+(?:[+-][0-2]\d:[0-5]\d|Z)`,
  String.raw`\d{4}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-5]\d(?:[+-][0-2]\d:[0-5]\d|Z)`,
  String.raw`\d{4}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d(?:[+-][0-2]\d:[0-5]\d|Z)`,
  String.raw`\b(?:(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat)\s+)?${MONTH}\s+\d{1,2}\s+\d{2}:\d{2}:\d{2}\s+\d{4}`,
  String.raw`\b(?:(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat),\s+)?(?:0[1-9]|[1-2]?\d|3[01])\s+${MONTH}\s+(?:19\d{2}|[2-9]\d{3})\s+(?:2[0-3]|[0-1]\d):[0-5]\d(?::(?:60|[0-5]\d))?\s+(?:[-+]\d{2}[0-5]\d|(?:UT|GMT|(?:E|C|M|P)(?:ST|DT)|[A-IK-Z]))`,
].join("|");

// Sentry's patterns, in its order (the first alternative that matches at a position wins), with
// two rewritten so that the whole scan stays linear in the text's length:
// - email, `[local]+@domain`: tried at every start position, it ran to the end of each run of
//   local-part characters and back, quadratic in a long run ("aaaa…"). Here the regex tries it
//   only where such a run starts; `emailAt` covers a scan that resumes inside a run.
// - `datetime\.datetime\(.*?\)`: every opener scanned to the next `)` or line end. Here the regex
//   finds the opener and `closingParen` finds the `)` with a pointer that only moves forward.
const DATETIME_OPENER = "datetime(";
const LOCAL = String.raw`a-zA-Z0-9.!#$%&'*+/=?^_\`{|}~-`;
/** The patterns in order, as `[placeholder, regex source]` (exported for the differential test). */
export const PLACEHOLDERS: readonly (readonly [string, string])[] = [
  ["email", String.raw`(?<![${LOCAL}])[${LOCAL}]+@[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*`],
  ["url", String.raw`\b(?:wss?|https?|ftp)://[^\s/$.?#].[^\s]*`],
  ["ip", `(?:${IPV6})|(?:\\b${IPV4}\\b)`],
  ["uuid", String.raw`\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b`],
  ["sha1", String.raw`\b[0-9a-fA-F]{40}\b`],
  ["md5", String.raw`\b[0-9a-fA-F]{32}\b`],
  ["date", DATE],
  [DATETIME_OPENER, String.raw`datetime\.datetime\(`],
  ["hex", String.raw`\b0[xX][0-9a-fA-F]+\b`],
  ["float", String.raw`-\d+\.\d+\b|\b\d+\.\d+\b`],
  ["int", String.raw`-\d+\b|\b\d+\b`],
];

const NAMES = PLACEHOLDERS.map(([name]) => name);
const COMBINED = new RegExp(PLACEHOLDERS.map(([, re]) => `(${re})`).join("|"), "g");

// Python's str.splitlines() line boundaries.
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/;

const LOCAL_CHAR = new RegExp(`[${LOCAL}]`);
const DOMAIN_CHAR = /[a-zA-Z0-9-]/;
const isLocal = (ch: string | undefined) => ch !== undefined && LOCAL_CHAR.test(ch);
const isDomain = (ch: string | undefined) => ch !== undefined && DOMAIN_CHAR.test(ch);
// What `.` does not match (no `s` flag).
const isLineTerminator = (ch: string) => ch === "\n" || ch === "\r" || ch === "\u2028" || ch === "\u2029";

/**
 * Lookups over one text whose positions only ever move forward, so that each remembers where its
 * last scan ended and no character is scanned twice.
 */
class ForwardScans {
  private runFrom = -1;
  private runEnd = -1;
  private stop = -1;

  constructor(private readonly text: string) {}

  /** The end of the run of email local-part characters that contains `at`. */
  localRunEnd(at: number): number {
    if (at < this.runFrom || at >= this.runEnd) {
      let end = at;
      while (isLocal(this.text[end])) end++;
      this.runFrom = at;
      this.runEnd = end;
    }
    return this.runEnd;
  }

  /** The first `)` or line terminator at or after `from`, or -1. */
  closingParenOrLineEnd(from: number): number {
    if (this.stop < from) {
      let k = Math.max(from, this.stop + 1);
      while (k < this.text.length && this.text[k] !== ")" && !isLineTerminator(this.text[k] as string)) k++;
      this.stop = k;
    }
    return this.stop < this.text.length ? this.stop : -1;
  }
}

// `[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*` from `at`, greedy; the end of the match, or -1.
function domainEnd(text: string, at: number): number {
  if (!isDomain(text[at])) return -1;
  let k = at;
  for (;;) {
    while (isDomain(text[k])) k++;
    if (text[k] === "." && isDomain(text[k + 1])) k++;
    else return k;
  }
}

// The email that Sentry's pattern matches at `at` when the scan resumes inside a run of local-part
// characters (the regex only tries run starts); the end of the match, or -1.
function emailAt(text: string, at: number, scans: ForwardScans): number {
  if (at === 0 || !isLocal(text[at - 1]) || !isLocal(text[at])) return -1;
  const end = scans.localRunEnd(at);
  return text[end] === "@" ? domainEnd(text, end + 1) : -1;
}

/** Replaces event-specific values with `<placeholder>` tokens, in time linear in the text's length. */
export function parameterize(text: string): string {
  const scans = new ForwardScans(text);
  let out = "";
  let copied = 0;
  let at = 0;
  while (at < text.length) {
    const email = emailAt(text, at, scans);
    if (email >= 0) {
      out += `${text.slice(copied, at)}<email>`;
      copied = at = email;
      continue;
    }
    COMBINED.lastIndex = at;
    const m = COMBINED.exec(text);
    if (!m) break;
    let name = NAMES[m.slice(1).findIndex((g) => g !== undefined)] as string;
    let end = m.index + m[0].length;
    if (name === DATETIME_OPENER) {
      const close = scans.closingParenOrLineEnd(end);
      // No `)` on this line: nothing else can match at a `d`, so the scan moves on.
      if (close < 0 || text[close] !== ")") {
        at = m.index + 1;
        continue;
      }
      name = "date";
      end = close + 1;
    }
    out += `${text.slice(copied, m.index)}<${name}>`;
    copied = at = end;
  }
  return out + text.slice(copied);
}

// Every event of an issue carries the same few messages, and the placeholder scan is costly;
// the result depends on the message alone, so it is remembered (bounded in count and size).
const memo = new BoundedCache<string>({ maxEntries: 10_000, maxChars: 4_000_000, maxKeyLength: 2_000 });

/** Sentry's `trim_message_for_grouping`: the first two non-empty lines, `...` when cut, then placeholders. */
export function trimMessageForGrouping(message: string): string {
  return cached(memo, message, trimUncached);
}

function trimUncached(message: string): string {
  const lines = message.split(LINE_BREAK).filter((l) => l.trim() !== "");
  let trimmed = lines.slice(0, 2).join("\n").trim();
  if (trimmed !== message) trimmed += "...";
  return parameterize(trimmed);
}
