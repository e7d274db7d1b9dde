import "server-only";

/**
 * Dynamic micro-batching across concurrent callers. Items wait at most `maxWaitMs` (or until `maxBatch`
 * are queued) and are grouped by length bucket, so a 20-token text is never padded to a 900-token one.
 * One batch runs at a time per batcher (or `concurrency`): a model run occupies the CPU anyway, and whatever arrives
 * meanwhile forms the next batch. With maxBatch 1 every item runs alone (the "no batching" baseline).
 */
export interface BatcherOptions<I, O> {
  maxBatch: number;
  maxWaitMs: number;
  /** Bucket of an item (e.g. from its token length); only items of one bucket share a batch. */
  bucketOf: (item: I) => number;
  run: (items: I[]) => Promise<O[]>;
  /**
   * Batches that may run at once (default 1). A batch that waits on another thread — the database's — frees this
   * one; with 2, the next batch is already queued there when the previous one's rows come back.
   */
  concurrency?: number;
}

interface Pending<I, O> {
  item: I;
  enqueuedAt: number;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

export interface BatcherStats {
  batches: number;
  items: number;
  largestBatch: number;
}

/** Power-of-two length buckets: 1–16, 17–32, 33–64, … */
export function lengthBucket(length: number): number {
  return Math.max(4, Math.ceil(Math.log2(Math.max(1, length))));
}

export class MicroBatcher<I, O> {
  private readonly queues = new Map<number, Pending<I, O>[]>();
  private running = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  readonly stats: BatcherStats = { batches: 0, items: 0, largestBatch: 0 };

  constructor(private readonly options: BatcherOptions<I, O>) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      const bucket = this.options.bucketOf(item);
      const queue = this.queues.get(bucket) ?? [];
      queue.push({ item, enqueuedAt: performance.now(), resolve, reject });
      this.queues.set(bucket, queue);
      this.pump();
    });
  }

  /**
   * The bucket to run now: among full buckets the one waiting longest, else the one whose oldest item has
   * waited `maxWaitMs` (wait > 0 says how long until one has). Oldest first keeps every caller's tail short.
   */
  private ready(now: number): { bucket: number; wait: number } | undefined {
    let full: { bucket: number; since: number } | undefined;
    let best: { bucket: number; wait: number } | undefined;
    for (const [bucket, queue] of this.queues) {
      const first = queue[0];
      if (!first) continue;
      if (queue.length >= this.options.maxBatch && (!full || first.enqueuedAt < full.since))
        full = { bucket, since: first.enqueuedAt };
      const wait = Math.max(0, first.enqueuedAt + this.options.maxWaitMs - now);
      if (!best || wait < best.wait) best = { bucket, wait };
    }
    return full ? { bucket: full.bucket, wait: 0 } : best;
  }

  private pump(): void {
    if (this.running >= (this.options.concurrency ?? 1)) return;
    const next = this.ready(performance.now());
    if (!next) return;
    if (next.wait > 0) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.pump();
      }, next.wait);
      return;
    }
    clearTimeout(this.timer);
    this.timer = undefined;
    const queue = this.queues.get(next.bucket) ?? [];
    const batch = queue.splice(0, this.options.maxBatch);
    if (queue.length === 0) this.queues.delete(next.bucket);
    this.running++;
    this.stats.batches++;
    this.stats.items += batch.length;
    this.stats.largestBatch = Math.max(this.stats.largestBatch, batch.length);
    this.options
      .run(batch.map((p) => p.item))
      .then(
        (outputs) => batch.forEach((p, i) => p.resolve(outputs[i] as O)),
        (error: unknown) => batch.forEach((p) => p.reject(error)),
      )
      .finally(() => {
        this.running--;
        this.pump();
      });
    // Another slot may take the next batch at once.
    this.pump();
  }
}
