import "server-only";
import type { PrismaClient } from "../db/client";

/**
 * What ingest reads for every event and what rarely changes (a project, its key, its grouping flags), kept in memory
 * so that the hot path does not ask the database each time. A change made through regroup's own code invalidates the
 * entry (rollout/flags.ts); the TTL bounds what this process cannot see: on PostgreSQL with several replicas, a flag
 * change made by another replica (or a read that raced the change's commit) is seen here within TTL_MS. The caches
 * belong to one database client, so a process (or a test) that opens another database starts with empty ones.
 */
export const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; expires: number }>();
  private readonly loading = new Map<K, Promise<V>>();
  // Bumped by every invalidation: a load that started before one must not store what it read.
  private generation = 0;

  constructor(private readonly ttlMs: number = TTL_MS) {}

  /**
   * The cached value, or `load`'s, which is kept when `keep` says so (e.g. not an absent project). Concurrent misses
   * of one key share one load, so an expired entry under load costs one read, not one per caller.
   */
  async get(key: K, load: () => Promise<V>, keep: (value: V) => boolean = () => true): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.expires > performance.now()) return hit.value;
    const inFlight = this.loading.get(key);
    if (inFlight) return inFlight;
    const generation = this.generation;
    const loading = load().then((value) => {
      if (generation === this.generation && keep(value)) {
        if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
        this.entries.set(key, { value, expires: performance.now() + this.ttlMs });
      }
      return value;
    });
    this.loading.set(key, loading);
    try {
      return await loading;
    } finally {
      if (this.loading.get(key) === loading) this.loading.delete(key);
    }
  }

  invalidate(key: K): void {
    this.generation += 1;
    this.entries.delete(key);
    // A load that started before the change must not answer the calls after it.
    this.loading.delete(key);
  }
}

// On globalThis, as the database is (server/db/index.ts): the route bundles that change flags and the ones that
// ingest may be separate module graphs in one process, and must share one cache.
const holder = globalThis as typeof globalThis & {
  __regroupIngestCaches?: WeakMap<PrismaClient, Map<string, TtlCache<unknown, unknown>>>;
};

/** The named cache of this database client (created on first use). */
export function cacheOf<K, V>(client: PrismaClient, name: string): TtlCache<K, V> {
  const perClient = (holder.__regroupIngestCaches ??= new WeakMap());
  let caches = perClient.get(client);
  if (!caches) perClient.set(client, (caches = new Map()));
  let cache = caches.get(name);
  if (!cache) caches.set(name, (cache = new TtlCache()));
  return cache as TtlCache<K, V>;
}
