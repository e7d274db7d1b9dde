import "server-only";

/** Said when more is waiting to be written than the writer holds in memory: the caller should retry shortly. */
export class GroupCommitFullError extends Error {
  override name = "GroupCommitFullError";
}

export interface GroupCommitOptions<T> {
  /** Writes these items durably (one statement); an error fails every item of that write. */
  write(items: T[]): Promise<void>;
  /** The size of an item, in bytes, for the bounds below. */
  sizeOf(item: T): number;
  /** The most items and bytes one write takes. */
  maxItems: number;
  maxBytes: number;
  /** The most bytes waiting (written or not yet): beyond it `add` fails at once instead of growing memory. */
  maxPendingBytes: number;
  /**
   * How long the oldest item of a write waits for others before the write starts (0: at once). Under load a write is
   * shared by the items of a few more requests, for at most this much more latency.
   */
  lingerMs?: number;
  /**
   * How many writes may be in flight at once (1 by default). With 2, the next write is already waiting at the
   * database when the one before it ends, instead of being sent only once its end is known here.
   */
  maxWritesInFlight?: number;
}

/** An item waiting to be written: its size, since when it waits, and how to settle its caller's promise. */
interface Pending<T> {
  item: T;
  bytes: number;
  since: number;
  settle: (error?: unknown) => void;
}

/**
 * Group commit: concurrent callers' items are written together. An item waits for the items behind it for at most
 * `lingerMs`, then for a write slot; the items that arrive while the writes are in flight go in the next one, so the
 * writes per second stay what the database allows while the items per write grow with the load. Each caller's
 * promise settles when its own item is durable (or its write failed). Writes start in the order of their items.
 */
export class GroupCommit<T> {
  private queue: Pending<T>[] = [];
  private pendingBytes = 0;
  /** The bytes of the items not taken by a write yet. */
  private queuedBytes = 0;
  private inFlight = 0;
  private lingering: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: GroupCommitOptions<T>) {}

  add(item: T): Promise<void> {
    const bytes = this.options.sizeOf(item);
    if (this.pendingBytes + bytes > this.options.maxPendingBytes) {
      return Promise.reject(new GroupCommitFullError("More events are waiting to be written than regroup holds."));
    }
    this.pendingBytes += bytes;
    this.queuedBytes += bytes;
    const done = new Promise<void>((resolve, reject) => {
      this.queue.push({
        item,
        bytes,
        since: performance.now(),
        settle: (error) => (error === undefined ? resolve() : reject(error)),
      });
    });
    this.pump();
    return done;
  }

  /** Starts the writes that may start now: a free slot, and an oldest item that has lingered (or a full write). */
  private pump(): void {
    while (this.queue.length && this.inFlight < (this.options.maxWritesInFlight ?? 1)) {
      const wait = (this.options.lingerMs ?? 0) - (performance.now() - this.queue[0]!.since);
      if (wait > 0 && !this.fillsAWrite()) {
        this.lingering ??= setTimeout(() => {
          this.lingering = undefined;
          this.pump();
        }, wait);
        return;
      }
      clearTimeout(this.lingering);
      this.lingering = undefined;
      void this.write(this.take());
    }
  }

  /** Whether the waiting items fill a whole write, which then has nothing to linger for. */
  private fillsAWrite(): boolean {
    return this.queue.length >= this.options.maxItems || this.queuedBytes >= this.options.maxBytes;
  }

  private async write(batch: Pending<T>[]): Promise<void> {
    this.inFlight += 1;
    try {
      await this.options.write(batch.map((entry) => entry.item));
      for (const entry of batch) entry.settle();
    } catch (error) {
      for (const entry of batch) entry.settle(error ?? new Error("the write failed"));
    } finally {
      for (const entry of batch) this.pendingBytes -= entry.bytes;
      this.inFlight -= 1;
      this.pump();
    }
  }

  /** The oldest items that fit one write (at least one, whatever its size). */
  private take() {
    let bytes = 0;
    let count = 0;
    for (const entry of this.queue) {
      if (count > 0 && (count >= this.options.maxItems || bytes + entry.bytes > this.options.maxBytes)) break;
      bytes += entry.bytes;
      count += 1;
    }
    this.queuedBytes -= bytes;
    return this.queue.splice(0, count);
  }
}
