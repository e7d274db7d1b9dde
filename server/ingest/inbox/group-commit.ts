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
   * How long an item that finds no write in flight waits for others before it is written (0: at once). Under load a
   * write is shared by the items of a few more requests, for at most this much more latency.
   */
  lingerMs?: number;
}

/**
 * Group commit: concurrent callers' items are written together. The first item is written at once; the items that
 * arrive while a write is in flight wait for it and go in the next one, so the writes per second stay what the
 * database allows while the items per write grow with the load. Each caller's promise settles when its own item is
 * durable (or its write failed).
 */
export class GroupCommit<T> {
  private queue: { item: T; bytes: number; settle: (error?: unknown) => void }[] = [];
  private pendingBytes = 0;
  private writing = false;

  constructor(private readonly options: GroupCommitOptions<T>) {}

  add(item: T): Promise<void> {
    const bytes = this.options.sizeOf(item);
    if (this.pendingBytes + bytes > this.options.maxPendingBytes) {
      return Promise.reject(new GroupCommitFullError("More events are waiting to be written than regroup holds."));
    }
    this.pendingBytes += bytes;
    const done = new Promise<void>((resolve, reject) => {
      this.queue.push({ item, bytes, settle: (error) => (error === undefined ? resolve() : reject(error)) });
    });
    if (!this.writing) void this.drain();
    return done;
  }

  private async drain(): Promise<void> {
    this.writing = true;
    if (this.options.lingerMs) await new Promise((resolve) => setTimeout(resolve, this.options.lingerMs));
    while (this.queue.length) {
      const batch = this.take();
      try {
        await this.options.write(batch.map((entry) => entry.item));
        for (const entry of batch) entry.settle();
      } catch (error) {
        for (const entry of batch) entry.settle(error ?? new Error("the write failed"));
      } finally {
        for (const entry of batch) this.pendingBytes -= entry.bytes;
      }
    }
    this.writing = false;
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
    return this.queue.splice(0, count);
  }
}
