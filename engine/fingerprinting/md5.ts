import { createHash } from "node:crypto";

// Sentry's variant hashes are MD5 hex digests of the UTF-8 encoded values.

/** MD5 hex digest of raw bytes. */
export function md5Bytes(input: Uint8Array): string {
  return createHash("md5").update(input).digest("hex");
}

/**
 * MD5 hex digest of the UTF-8 concatenation of the given strings (Sentry's `hash_from_values`). The values are
 * joined before encoding, so a surrogate pair split across two values encodes as the one character it is, and an
 * unpaired surrogate as U+FFFD.
 */
export function hashFromValues(values: Iterable<string>): string {
  const joined = Array.isArray(values) ? (values as readonly string[]).join("") : [...values].join("");
  return createHash("md5").update(joined, "utf8").digest("hex");
}
