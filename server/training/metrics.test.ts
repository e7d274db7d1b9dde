import { describe, expect, it } from "vitest";
import { precisionRecallAt, recallAtPrecision, rocAuc, summariseBy, thresholdSweep, type ScoredPair } from "./metrics";

const pairs: ScoredPair[] = [
  { distance: 0.01, group: true, platform: "python" },
  { distance: 0.02, group: true, platform: "python" },
  { distance: 0.03, group: false, platform: "java" },
  { distance: 0.05, group: true, platform: "java" },
  { distance: 0.2, group: false, platform: "python" },
  { distance: 0.4, group: true, platform: "java" },
];

describe("evaluation metrics", () => {
  it("computes precision and recall of GROUP at a threshold", () => {
    expect(precisionRecallAt(pairs, 0.05)).toMatchObject({ precision: 0.75, recall: 0.75, predictedGroup: 4 });
    expect(precisionRecallAt(pairs, 0)).toMatchObject({ precision: 1, recall: 0 });
  });

  it("finds the largest threshold reaching the target precision", () => {
    expect(recallAtPrecision(pairs, 0.95, 1)).toEqual({ threshold: 0.02, recall: 0.5, precision: 1 });
    expect(recallAtPrecision(pairs, 0.6, 1).threshold).toBe(0.4);
  });

  it("computes ROC AUC with ties counted half", () => {
    // 4 positives × 2 negatives: a positive is closer than a negative in 5 of 8 comparisons.
    expect(rocAuc(pairs)).toBeCloseTo(5 / 8);
    expect(
      rocAuc([
        { distance: 0.1, group: true },
        { distance: 0.1, group: false },
      ]),
    ).toBe(0.5);
  });

  it("sweeps thresholds and slices by platform", () => {
    expect(thresholdSweep(pairs, [0.01, 1]).map((r) => r.recall)).toEqual([0.25, 1]);
    const byPlatform = summariseBy(pairs, 0.05, "platform");
    expect(Object.keys(byPlatform)).toEqual(["java", "python"]);
    expect(byPlatform.python?.precision).toBe(1);
  });
});
