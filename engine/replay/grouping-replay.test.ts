import { describe, expect, it } from "vitest";
import { replayGrouping, type ReplayEvent } from "./grouping-replay";

const at = (id: number, hashes: string[], vector: number[] | null, platform = "python"): ReplayEvent => ({
  id,
  hashes,
  platform,
  vector,
});

describe("replayGrouping", () => {
  it("groups by fingerprint first, then by the nearest indexed trace within the threshold", () => {
    const result = replayGrouping(
      [
        at(1, ["a"], [1, 0]),
        at(2, ["b"], [0.99, Math.sqrt(1 - 0.99 ** 2)]), // distance 0.01 from 1: merged
        at(3, ["a", "x"], [0, 1]), // hash a is known: fingerprint, whatever its vector
        at(4, ["c"], [0, 1]), // far from 1: a new issue, indexed
        at(5, ["x"], [1, 0]), // x came with event 3: fingerprint
      ],
      () => 0.05,
    );
    expect(result).toMatchObject({ events: 5, issues: 2, reachedAi: 3 });
    expect(result.merges).toEqual([
      { eventId: 2, hash: "b", matchedEventId: 1, matchedHash: "a", distance: expect.closeTo(0.01, 10) },
    ]);
  });

  it("indexes a trace only when nothing was near it, and never matches a record of its own hash", () => {
    const result = replayGrouping(
      [
        at(1, ["a"], [1, 0]),
        at(2, ["b"], [0.8, 0.6]), // distance 0.2 from 1: within 0.25, merged, not indexed
        at(3, ["c"], [0.28, 0.96]), // 0.72 from 1, 0.2 from 2's trace, which was not indexed: new
      ],
      () => 0.25,
    );
    expect(result.issues).toBe(2);
    expect(result.merges.map((merge) => merge.eventId)).toEqual([2]);
  });

  it("starts a new issue for an event that cannot reach the AI step, and uses each platform's threshold", () => {
    const result = replayGrouping(
      [at(1, ["a"], [1, 0], "go"), at(2, ["b"], null, "go"), at(3, ["c"], [0.8, 0.6], "go"), at(4, ["d"], [0.8, 0.6])],
      (platform) => (platform === "go" ? 0.1 : 0.3),
    );
    // Event 3 is 0.2 away: past go's 0.1, a new issue (indexed); event 4 (python, 0.3) matches event 3 exactly.
    expect(result).toMatchObject({ issues: 3, reachedAi: 3 });
    expect(result.merges).toEqual([
      { eventId: 4, hash: "d", matchedEventId: 3, matchedHash: "c", distance: expect.closeTo(0, 10) },
    ]);
  });
});
