// Readers for Sentry's insta snapshots (`.pysnap`) in the grouping test corpus: the expected hash
// of every variant (grouping snapshots) and the resolved fingerprint values (fingerprinting ones).

function unquote(raw: string): string {
  const s = raw.trim();
  if (s.startsWith('"')) return JSON.parse(s) as string;
  if (s.startsWith("'") && s.endsWith("'")) return s.slice(1, -1).replaceAll("''", "'");
  return s;
}

/** variant name → expected hash (null when no hash). */
export function parseGroupingSnapshot(text: string): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  let current: string | null = null;
  for (const line of text.split("\n")) {
    const name = /^([a-z0-9_-]+):\s*$/.exec(line);
    if (name) {
      current = name[1] as string;
      continue;
    }
    const hash = /^ {2}hash: (.*)$/.exec(line);
    if (hash && current) out[current] = hash[1] === "null" ? null : unquote(hash[1] as string);
  }
  return out;
}

export interface ExpectedFingerprintVariant {
  type: string | null;
  values: string[] | null;
}

/** variant name → type and values, from the `variants:` block of a fingerprinting snapshot. */
export function parseFingerprintingSnapshot(text: string): Record<string, ExpectedFingerprintVariant> {
  const out: Record<string, ExpectedFingerprintVariant> = {};
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l === "variants:");
  if (start < 0) return out;
  let current: ExpectedFingerprintVariant | null = null;
  let inValues = false;
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const variant = /^ {2}([a-z0-9_-]+):\s*$/.exec(line);
    if (variant) {
      current = { type: null, values: null };
      out[variant[1] as string] = current;
      inValues = false;
      continue;
    }
    if (!current) continue;
    const type = /^ {4}type: (.*)$/.exec(line);
    if (type) current.type = unquote(type[1] as string);
    if (/^ {4}values:\s*$/.test(line)) {
      inValues = true;
      current.values = [];
      continue;
    }
    const item = /^ {4}- (.*)$/.exec(line);
    if (inValues && item) current.values?.push(unquote(item[1] as string));
    else if (/^ {4}\S/.test(line)) inValues = false;
  }
  return out;
}
