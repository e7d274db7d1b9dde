import { describe, expect, it } from "vitest";
import { proportion, weightedProportion } from "./proportion";

describe("proportion", () => {
  it("is successes / n with its Wilson interval and counts", () => {
    const rate = proportion(3, 30)!;
    expect(rate.value).toBe(0.1);
    expect(rate.n).toBe(30);
    expect(rate.successes).toBe(3);
    expect(rate.low).toBeCloseTo(0.0346, 4);
    expect(rate.high).toBeCloseTo(0.2562, 4);
  });

  it("is null, not 0%, when nothing was observed", () => {
    expect(proportion(0, 0)).toBeNull();
  });

  it("refuses counts that cannot be a proportion", () => {
    expect(() => proportion(4, 3)).toThrow(RangeError);
    expect(() => proportion(1.5, 3)).toThrow(RangeError);
  });
});

describe("weightedProportion", () => {
  it("is Σw·x / Σw with a Wilson interval on Kish's effective n", () => {
    // Weights 2, 2, 2, 4, 4 with positives of weight 2 and 4: 6/14 = 0.428571; n_eff = 14²/44 = 4.4545.
    const rate = weightedProportion({ weight: 14, positiveWeight: 6, weightSquared: 44 })!;
    expect(rate.value).toBeCloseTo(0.428571, 6);
    expect(rate.n).toBeCloseTo(4.454545, 6);
    expect(rate.low).toBeCloseTo(0.123277, 5);
    expect(rate.high).toBeCloseTo(0.800016, 5);
  });

  it("equals the plain proportion when all weights are equal", () => {
    const plain = proportion(3, 30)!;
    const weighted = weightedProportion({ weight: 30 * 4, positiveWeight: 3 * 4, weightSquared: 30 * 16 })!;
    expect(weighted.value).toBeCloseTo(plain.value, 12);
    expect(weighted.n).toBeCloseTo(30, 12);
    expect(weighted.low).toBeCloseTo(plain.low, 12);
    expect(weighted.high).toBeCloseTo(plain.high, 12);
  });

  it("is null without weight", () => {
    expect(weightedProportion({ weight: 0, positiveWeight: 0, weightSquared: 0 })).toBeNull();
  });
});
