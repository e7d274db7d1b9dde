/** A server-side fingerprint rule: when all matchers match, the event's fingerprint is replaced. */
export interface FingerprintRule {
  /** [key, pattern]; a key prefixed with `!` negates the matcher. */
  matchers: [string, string][];
  fingerprint: string[];
  attributes?: { title?: string };
  /** One of Sentry's built-in rules (its variant is `built-in-fingerprint`, not `custom-fingerprint`). */
  isBuiltin?: boolean;
}

export const DEFAULT_FINGERPRINT_VAR = "{{ default }}";

const VAR_RE = /^\{\{\s*(\S+)\s*\}\}$/;

/** The variable name of a `{{ name }}` fingerprint entry, or null for a literal. */
export function parseFingerprintVar(value: string): string | null {
  const m = VAR_RE.exec(value);
  return m ? (m[1] as string) : null;
}

export function isDefaultFingerprintVar(value: string): boolean {
  return parseFingerprintVar(value) === "default";
}
