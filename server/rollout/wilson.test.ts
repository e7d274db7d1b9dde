import { describe, expect, it } from "vitest";
import { wilsonInterval } from "./wilson";

describe("wilsonInterval", () => {
  it("matches the textbook values", () => {
    // 0 of 10: upper bound 0.2775; 5 of 10: 0.2366–0.7634.
    expect(wilsonInterval(0, 10).upper).toBeCloseTo(0.2775, 4);
    expect(wilsonInterval(0, 10).lower).toBe(0);
    const half = wilsonInterval(5, 10);
    expect(half.lower).toBeCloseTo(0.2366, 4);
    expect(half.upper).toBeCloseTo(0.7634, 4);
  });

  it("says nothing without a sample", () => {
    expect(wilsonInterval(0, 0)).toEqual({ lower: null, upper: null });
  });
});
