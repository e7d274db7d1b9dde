import { describe, expect, it } from "vitest";
import { giveWayIfDue, mapGivingWay, SLICE_MS } from "./time-slices";

/** Synchronous work of about `ms`. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe("time slices", () => {
  it("lets a timer that is due run during a long loop of synchronous work, not after it", async () => {
    let firedAt: number | null = null;
    let index = 0;
    setTimeout(() => (firedAt = index), 0);
    await mapGivingWay(
      Array.from({ length: 20 * SLICE_MS }, (_, i) => i),
      (i) => {
        index = i;
        busy(1);
      },
    );
    expect(firedAt).not.toBeNull();
    expect(firedAt!).toBeLessThan(4 * SLICE_MS);
  });

  it("keeps a short loop in one turn of the event loop", async () => {
    await new Promise((resolve) => setImmediate(resolve));
    let turned = false;
    setImmediate(() => (turned = true));
    for (let i = 0; i < 5; i += 1) {
      await giveWayIfDue();
      busy(0.1);
    }
    expect(turned).toBe(false);
  });
});
