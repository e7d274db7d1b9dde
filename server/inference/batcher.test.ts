import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { lengthBucket, MicroBatcher } from "./batcher";

function recordingBatcher(maxBatch: number, maxWaitMs = 5) {
  const batches: number[][] = [];
  const batcher = new MicroBatcher<number, number>({
    maxBatch,
    maxWaitMs,
    bucketOf: (n) => lengthBucket(n),
    run: async (items) => {
      batches.push(items.slice());
      await sleep(2);
      return items.map((n) => n * 10);
    },
  });
  return { batcher, batches };
}

describe("dynamic micro-batching", () => {
  it("serves 32 concurrent callers in a few batches, each caller getting its own result", async () => {
    const { batcher, batches } = recordingBatcher(16);
    const results = await Promise.all(Array.from({ length: 32 }, (_, i) => batcher.submit(20 + i)));
    expect(results).toEqual(Array.from({ length: 32 }, (_, i) => (20 + i) * 10));
    expect(batches.length).toBeLessThanOrEqual(3);
    expect(Math.max(...batches.map((b) => b.length))).toBe(16);
  });

  it("never pads a short text into a batch of long ones", async () => {
    const { batcher, batches } = recordingBatcher(64);
    await Promise.all([10, 12, 900, 14, 1000].map((n) => batcher.submit(n)));
    for (const batch of batches) expect(new Set(batch.map(lengthBucket)).size).toBe(1);
    expect(batches.map((b) => b.length).sort()).toEqual([2, 3]);
  });

  it("runs as many batches at once as its concurrency allows, and no more", async () => {
    for (const concurrency of [1, 2]) {
      let running = 0;
      let most = 0;
      const batcher = new MicroBatcher<number, number>({
        maxBatch: 2,
        maxWaitMs: 0,
        bucketOf: () => 0,
        concurrency,
        run: async (items) => {
          most = Math.max(most, ++running);
          await sleep(10);
          running--;
          return items;
        },
      });
      const results = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => batcher.submit(n)));
      expect(results).toEqual([1, 2, 3, 4, 5, 6]);
      expect(most).toBe(concurrency);
    }
  });

  it("runs every item alone when batching is off", async () => {
    const { batcher, batches } = recordingBatcher(1);
    await Promise.all([1, 2, 3, 4].map((n) => batcher.submit(n)));
    expect(batches).toHaveLength(4);
  });

  it("waits at most maxWaitMs for a lone caller", async () => {
    const { batcher } = recordingBatcher(64, 5);
    const start = performance.now();
    await batcher.submit(3);
    expect(performance.now() - start).toBeLessThan(100);
  });

  it("rejects every caller of a failed batch", async () => {
    const batcher = new MicroBatcher<number, number>({
      maxBatch: 8,
      maxWaitMs: 1,
      bucketOf: () => 0,
      run: async () => Promise.reject(new Error("model crashed")),
    });
    const results = await Promise.allSettled([batcher.submit(1), batcher.submit(2)]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
  });
});
