import { describe, expect, it } from "vitest";
import {
  aiPreventedIssues,
  majorityVerdict,
  mergeRate,
  overgroupingRate,
  tallyMerges,
  weightedOvergroupingRate,
} from "./rates";

describe("merge rate and AI-prevented issues", () => {
  it("merge rate = AI merges / events that reached the AI step", () => {
    expect(mergeRate(12, 48)!.value).toBe(0.25);
    expect(mergeRate(0, 0)).toBeNull();
  });

  it("AI-prevented issues = merges / (merges + new issues after fingerprinting failed)", () => {
    const rate = aiPreventedIssues(12, 36)!;
    expect(rate.value).toBe(0.25);
    expect(rate.n).toBe(48);
    expect(aiPreventedIssues(0, 0)).toBeNull();
  });
});

describe("majorityVerdict", () => {
  it("takes the majority of GROUP and SEPARATE, leaving UNSURE out", () => {
    expect(majorityVerdict(["GROUP", "SEPARATE", "GROUP"])).toBe("GROUP");
    expect(majorityVerdict(["SEPARATE", "UNSURE", "UNSURE"])).toBe("SEPARATE");
  });

  it("has no verdict on a tie or when nobody was sure", () => {
    expect(majorityVerdict(["GROUP", "SEPARATE"])).toBeNull();
    expect(majorityVerdict(["UNSURE"])).toBeNull();
    expect(majorityVerdict([])).toBeNull();
  });
});

describe("overgrouping rate", () => {
  // Stratum A sampled at 1/2 (weight 2): 3 merges, 1 wrong. Stratum B sampled at 1/4 (weight 4): 2 merges, 1 wrong.
  const merges = [
    { verdict: "SEPARATE" as const, probability: 0.5 },
    { verdict: "GROUP" as const, probability: 0.5 },
    { verdict: "GROUP" as const, probability: 0.5 },
    { verdict: "SEPARATE" as const, probability: 0.25 },
    { verdict: "GROUP" as const, probability: 0.25 },
  ];

  it("plain: incorrect merges / labeled merges = 2/5", () => {
    const rate = overgroupingRate(tallyMerges(merges))!;
    expect(rate.value).toBe(0.4);
    expect(rate.n).toBe(5);
    expect(rate.low).toBeCloseTo(0.117621, 5);
    expect(rate.high).toBeCloseTo(0.769276, 5);
  });

  it("weighted by 1/probability: (2 + 4) / (3·2 + 2·4) = 6/14, effective n 14²/44", () => {
    const tally = tallyMerges(merges);
    expect(tally).toEqual({ labeled: 5, incorrect: 2, weight: 14, positiveWeight: 6, weightSquared: 44 });
    const rate = weightedOvergroupingRate(tally)!;
    expect(rate.value).toBeCloseTo(6 / 14, 12);
    expect(rate.n).toBeCloseTo(196 / 44, 12);
  });

  it("shows no rate without labeled merges and refuses impossible probabilities", () => {
    expect(overgroupingRate(tallyMerges([]))).toBeNull();
    expect(weightedOvergroupingRate(tallyMerges([]))).toBeNull();
    expect(() => tallyMerges([{ verdict: "GROUP", probability: 0 }])).toThrow(RangeError);
  });
});
