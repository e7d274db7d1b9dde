import "server-only";
import { db } from "../db";
import { MicroBatcher, type BatcherStats } from "../inference/batcher";
import { searchNeighbours, searchWithReranking, type Neighbour } from "./records";
import { searchNeighboursBatch, type BatchSearch } from "./records-batch";
import { writeRecordsAndDecisions, type WriteItem, type WriteResult } from "./write-batch";

/**
 * Concurrent similar-issues calls share their SQL: the kNN lookups that arrive within a few milliseconds (or while
 * the previous batch runs) go to the database as one statement, and their writes (new records, decisions) as
 * another (write-batch.ts). The embedding step batches the same way in the inference service. A batch
 * that fails is retried one request at a time, so a request fails only for its own reason, as when alone.
 */

type Settled<O> = { ok: true; value: O } | { ok: false; error: unknown };

interface CoalescingOptions {
  enabled: boolean;
  /** How long the first request of a batch waits for others. */
  maxWaitMs: number;
  maxBatch: number;
}

const settings: CoalescingOptions = { enabled: true, maxWaitMs: 2, maxBatch: 64 };

// A search is one statement (the session carries the HNSW settings), so it needs no transaction.
async function searchBatch(searches: BatchSearch[]): Promise<Neighbour[][]> {
  return searchNeighboursBatch(await db(), searches);
}

async function writeBatch(items: WriteItem[]): Promise<WriteResult[]> {
  return writeRecordsAndDecisions(await db(), items);
}

function isolating<I, O>(runBatch: (items: I[]) => Promise<O[]>) {
  return async (items: I[]): Promise<Settled<O>[]> => {
    try {
      return (await runBatch(items)).map((value) => ({ ok: true, value }));
    } catch (error) {
      if (items.length === 1) return [{ ok: false, error }];
      const settled: Settled<O>[] = [];
      for (const item of items) settled.push((await isolating(runBatch)([item]))[0]!);
      return settled;
    }
  };
}

function createBatcher<I, O>(runBatch: (items: I[]) => Promise<O[]>) {
  const batcher = new MicroBatcher<I, Settled<O>>({
    maxBatch: settings.maxBatch,
    maxWaitMs: settings.maxWaitMs,
    bucketOf: () => 0,
    run: isolating(runBatch),
    // Two batches at once: the database (its own thread, or a pool) queues the second while the first's rows come back.
    concurrency: 2,
  });
  const submit = async (item: I): Promise<O> => {
    const settled = await batcher.submit(item);
    if (!settled.ok) throw settled.error;
    return settled.value;
  };
  return { submit, stats: batcher.stats };
}

const holder = globalThis as typeof globalThis & {
  __regroupGroupingBatchers?: {
    search: ReturnType<typeof createBatcher<BatchSearch, Neighbour[]>>;
    write: ReturnType<typeof createBatcher<WriteItem, WriteResult>>;
  };
};

function batchers() {
  holder.__regroupGroupingBatchers ??= {
    search: createBatcher(searchBatch),
    write: createBatcher(writeBatch),
  };
  return holder.__regroupGroupingBatchers;
}

/** Turns coalescing on or off (off: every request runs its own statements; for benchmarks). */
export function configureCoalescing(options: Partial<CoalescingOptions>): void {
  Object.assign(settings, options);
  holder.__regroupGroupingBatchers = undefined;
}

/** How many lookup and write batches ran since coalescing was (re)configured, and how many requests they held. */
export function coalescingStats(): { search: BatcherStats; write: BatcherStats } {
  const { search, write } = batchers();
  return { search: { ...search.stats }, write: { ...write.stats } };
}

/** The neighbours of one search, looked up together with the concurrent ones. */
export async function searchCoalesced(search: BatchSearch): Promise<Neighbour[]> {
  if (settings.enabled) return batchers().search.submit(search);
  const prisma = await db();
  return search.rerank
    ? searchWithReranking(prisma, { ...search, ...search.rerank })
    : searchNeighbours(prisma, search);
}

/** One call's writes (its new record, its decision), written together with the concurrent ones. */
export async function writeCoalesced(item: WriteItem): Promise<WriteResult> {
  if (settings.enabled) return batchers().write.submit(item);
  const [written] = await writeRecordsAndDecisions(await db(), [item]);
  return written!;
}
