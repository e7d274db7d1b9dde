import "server-only";
import { HttpError } from "../../http/errors";

/**
 * The ingest rate limit: a token bucket per project key, refilled at `perSecond` tokens a second up to `burst`,
 * one token per request (a request carries at most one event). Buckets live in memory, at most `maxKeys` of
 * them: the least recently used is dropped past that (a dropped key starts again with a full bucket, which
 * only ever errs towards accepting). Keys are authenticated project keys, so a sender cannot mint new ones.
 */
export interface RateLimitOptions {
  /** Requests a second a key may keep sending; 0 turns the limit off. */
  perSecond: number;
  /** Requests a key may send at once after a quiet spell. */
  burst: number;
  maxKeys?: number;
  /** Milliseconds; tests pass their own clock. */
  now?: () => number;
}

export interface RateLimiter {
  /** Takes a token for `key`, or throws 429 with the seconds until one is available. */
  take(key: string): void;
}

interface Bucket {
  tokens: number;
  at: number;
}

const DEFAULT_MAX_KEYS = 10_000;

/** 429 as Relay answers it: `Retry-After` in seconds, and `X-Sentry-Rate-Limits` scoped to the key, all categories. */
export class RateLimitedError extends HttpError {
  constructor(retryAfterSeconds: number) {
    super(
      429,
      "rate_limited",
      `This project key sends events faster than the ingest limit; retry in ${retryAfterSeconds} s.`,
      undefined,
      { "retry-after": String(retryAfterSeconds), "x-sentry-rate-limits": `${retryAfterSeconds}::key` },
    );
  }
}

/** A token-bucket limiter per key with bounded memory (see RateLimitOptions). */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const { perSecond, burst, maxKeys = DEFAULT_MAX_KEYS, now = Date.now } = options;
  const buckets = new Map<string, Bucket>();
  const capacity = Math.max(1, burst);

  return {
    take(key) {
      if (perSecond <= 0) return;
      const at = now();
      const previous = buckets.get(key);
      const elapsed = previous ? Math.max(0, at - previous.at) / 1000 : 0;
      const tokens = previous ? Math.min(capacity, previous.tokens + elapsed * perSecond) : capacity;
      // Re-inserting keeps the map in least-recently-used order, so the first key is the one to drop.
      buckets.delete(key);
      if (tokens < 1) {
        buckets.set(key, { tokens, at });
        throw new RateLimitedError(Math.max(1, Math.ceil((1 - tokens) / perSecond)));
      }
      buckets.set(key, { tokens: tokens - 1, at });
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value!);
    },
  };
}
