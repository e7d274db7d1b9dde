// Caches of pure functions of event strings (function names, messages, frame signatures). The keys
// come from whoever sends events, so an entry count alone does not bound memory: a few thousand
// megabyte-long keys would hold gigabytes. Each cache is bounded by entries and by the characters
// of its keys, and a key longer than its limit is not cached at all (it is computed every time).

export interface BoundedCacheLimits {
  /** Most entries kept. */
  maxEntries: number;
  /** Most key characters kept, all entries together. */
  maxChars: number;
  /** Longest key that is cached. */
  maxKeyLength: number;
}

/** A string-keyed cache that empties itself when it would pass its entry or character budget. */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();
  private chars = 0;

  constructor(private readonly limits: BoundedCacheLimits) {}

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): void {
    if (key.length > this.limits.maxKeyLength) return;
    const { maxEntries, maxChars } = this.limits;
    if (this.entries.size >= maxEntries || this.chars + key.length > maxChars) this.clear();
    if (!this.entries.has(key)) this.chars += key.length;
    this.entries.set(key, value);
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Characters of the cached keys. */
  get keyChars(): number {
    return this.chars;
  }
}

/** Returns the cached result of `compute(key)`, computing and remembering it on a miss. */
export function cached<V>(cache: BoundedCache<V>, key: string, compute: (key: string) => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute(key);
    cache.set(key, value);
  }
  return value;
}
