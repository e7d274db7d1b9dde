import { describe, expect, it } from "vitest";
import { precisionRecallAt, thresholdForPrecision, thresholdSweep } from "./threshold";

// Ten labeled pairs by distance: the closest are GROUP, a SEPARATE creeps in at 0.25, more past 0.4.
const pairs = [
  { distance: 0.05, group: true },
  { distance: 0.1, group: true },
  { distance: 0.1, group: true },
  { distance: 0.15, group: true },
  { distance: 0.2, group: true },
  { distance: 0.25, group: false },
  { distance: 0.3, group: true },
  { distance: 0.4, group: true },
  { distance: 0.45, group: false },
  { distance: 0.5, group: false },
];

describe("precisionRecallAt", () => {
  it("merges pairs at distance ≤ threshold", () => {
    // ≤ 0.25: 5 GROUP + 1 SEPARATE merged; 7 GROUP in all.
    expect(precisionRecallAt(pairs, 0.25)).toEqual({
      threshold: 0.25,
      truePositives: 5,
      falsePositives: 1,
      falseNegatives: 2,
      precision: 5 / 6,
      recall: 5 / 7,
    });
  });

  it("has no precision when nothing is merged and no recall without GROUP pairs", () => {
    expect(precisionRecallAt(pairs, 0.01).precision).toBeNull();
    expect(precisionRecallAt([{ distance: 0.1, group: false }], 0.2).recall).toBeNull();
  });
});

describe("thresholdSweep", () => {
  it("has one point per distinct distance, agreeing with precisionRecallAt", () => {
    const sweep = thresholdSweep(pairs);
    expect(sweep.map((p) => p.threshold)).toEqual([0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.45, 0.5]);
    for (const point of sweep) expect(point).toEqual(precisionRecallAt(pairs, point.threshold));
    expect(sweep.at(-1)).toMatchObject({ precision: 0.7, recall: 1 });
  });
});

describe("thresholdForPrecision", () => {
  it("names the loosest threshold that keeps precision ≥ 95%", () => {
    // 0.2: 5/5 = 100%; 0.25: 5/6 = 83%; 0.3: 6/7 = 86%; so 0.2, with recall 5/7.
    expect(thresholdForPrecision(pairs, 0.95)).toMatchObject({ threshold: 0.2, precision: 1, recall: 5 / 7 });
    // At 85%: 0.3 (6/7 = 85.7%) and 0.4 (7/8 = 87.5%) reach it; 0.4 has the most recall.
    expect(thresholdForPrecision(pairs, 0.85)).toMatchObject({ threshold: 0.4, precision: 7 / 8, recall: 1 });
  });

  it("is null when no threshold reaches the target", () => {
    expect(
      thresholdForPrecision([
        { distance: 0.1, group: false },
        { distance: 0.2, group: true },
      ]),
    ).toBeNull();
    expect(thresholdForPrecision([])).toBeNull();
  });
});
