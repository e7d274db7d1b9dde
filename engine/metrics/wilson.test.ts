import { describe, expect, it } from "vitest";
import { wilsonInterval } from "./wilson";

describe("wilsonInterval", () => {
  it("matches hand-computed intervals", () => {
    // 5/10: centre 0.5, half-width (1.96/1.38415)·√(0.025 + 0.0096) = 0.26341.
    const half = wilsonInterval(0.5, 10)!;
    expect(half.low).toBeCloseTo(0.236593, 6);
    expect(half.high).toBeCloseTo(0.763407, 6);
    // 1/20: centre (0.05 + 0.09604)/1.19207 = 0.122513, half-width 0.113631.
    const one = wilsonInterval(1 / 20, 20)!;
    expect(one.low).toBeCloseTo(0.008881, 6);
    expect(one.high).toBeCloseTo(0.236131, 6);
  });

  it("does not collapse at 0% or 100%: 0/10 still allows up to z²/(n + z²)", () => {
    const zero = wilsonInterval(0, 10)!;
    expect(zero.low).toBe(0);
    expect(zero.high).toBeCloseTo(3.841459 / 13.841459, 6);
    const all = wilsonInterval(1, 10)!;
    expect(all.low).toBeCloseTo(1 - 3.841459 / 13.841459, 6);
    expect(all.high).toBe(1);
  });

  it("gives no interval without observations and refuses impossible proportions", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(1.2, 5)).toThrow(RangeError);
  });
});
