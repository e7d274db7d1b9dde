import "server-only";
import { setImmediate as nextTurn } from "node:timers/promises";

/**
 * How long a loop of synchronous work runs in the server's thread before it lets the event loop turn. A batch's
 * fingerprints or a chunk's tokens took 50–150 ms in one go, and every HTTP request that arrived meanwhile waited.
 */
export const SLICE_MS = 4;

/** When the thread's current slice began; null once the event loop has turned since. */
let sliceStart: number | null = null;

/**
 * For loops of synchronous work in the server's thread (the inbox worker's batch, an embedding call's tokens): once
 * the thread has run SLICE_MS since the event loop last turned, resolves after the event loop has served what is
 * waiting (answers to send, requests that arrived); otherwise at once. Shared by every such loop of the thread, so
 * that two loops one after the other do not each take a whole slice; a short loop never waits.
 */
export async function giveWayIfDue(): Promise<void> {
  const now = performance.now();
  if (sliceStart === null) {
    sliceStart = now;
    setImmediate(() => (sliceStart = null));
    return;
  }
  // The immediate above runs before this one: the next call starts a new slice.
  if (now - sliceStart >= SLICE_MS) await nextTurn();
}

/** `items.map(map)`, giving way to the event loop between items as `giveWayIfDue` does. */
export async function mapGivingWay<T, R>(items: readonly T[], map: (item: T) => R): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) {
    await giveWayIfDue();
    results.push(map(item));
  }
  return results;
}
