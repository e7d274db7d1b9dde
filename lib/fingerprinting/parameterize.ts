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
  String.raw`datetime\.datetime\(.*?\)`,
].join("|");

// Order matters: the first alternative that matches at a position wins (as in Sentry).
const PLACEHOLDERS: [string, string][] = [
  ["email", String.raw`[a-zA-Z0-9.!#$%&'*+/=?^_\`{|}~-]+@[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*`],
  ["url", String.raw`\b(?:wss?|https?|ftp)://[^\s/$.?#].[^\s]*`],
  ["ip", `(?:${IPV6})|(?:\\b${IPV4}\\b)`],
  ["uuid", String.raw`\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b`],
  ["sha1", String.raw`\b[0-9a-fA-F]{40}\b`],
  ["md5", String.raw`\b[0-9a-fA-F]{32}\b`],
  ["date", DATE],
  ["hex", String.raw`\b0[xX][0-9a-fA-F]+\b`],
  ["float", String.raw`-\d+\.\d+\b|\b\d+\.\d+\b`],
  ["int", String.raw`-\d+\b|\b\d+\b`],
];

const NAMES = PLACEHOLDERS.map(([name]) => name);
const COMBINED = new RegExp(PLACEHOLDERS.map(([, re]) => `(${re})`).join("|"), "g");

// Python's str.splitlines() line boundaries.
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/;

/** Replaces event-specific values with `<placeholder>` tokens. */
export function parameterize(text: string): string {
  return text.replace(COMBINED, (...groups: unknown[]) => {
    for (let i = 0; i < NAMES.length; i++) {
      if (groups[i + 1] !== undefined) return `<${NAMES[i]}>`;
    }
    return "";
  });
}

// Every event of an issue carries the same few messages, and the placeholder regex is costly;
// the result depends on the message alone, so it is remembered (bounded in count and size).
const MEMO_LIMIT = 10_000;
const MEMO_MAX_LENGTH = 2_000;
const memo = new Map<string, string>();

/** Sentry's `trim_message_for_grouping`: the first two non-empty lines, `...` when cut, then placeholders. */
export function trimMessageForGrouping(message: string): string {
  if (message.length > MEMO_MAX_LENGTH) return trimUncached(message);
  let rv = memo.get(message);
  if (rv === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    rv = trimUncached(message);
    memo.set(message, rv);
  }
  return rv;
}

function trimUncached(message: string): string {
  const lines = message.split(LINE_BREAK).filter((l) => l.trim() !== "");
  let trimmed = lines.slice(0, 2).join("\n").trim();
  if (trimmed !== message) trimmed += "...";
  return parameterize(trimmed);
}
