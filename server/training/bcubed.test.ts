import { describe, expect, it } from "vitest";
import { bcubed } from "./bcubed";

const items = (pairs: [string, string][]) => pairs.map(([cluster, truth]) => ({ cluster, truth }));

describe("bcubed", () => {
  it("is perfect when the clusters are the classes, whatever they are called", () => {
    expect(
      bcubed(
        items([
          ["x", "a"],
          ["x", "a"],
          ["y", "b"],
        ]),
      ),
    ).toEqual({ precision: 1, recall: 1, items: 3 });
  });

  it("charges one issue that absorbed two root causes to precision, item by item", () => {
    // Cluster x holds a, a, b: a items see 2/3 of x sharing their class, the b item 1/3; recall stays 1.
    const score = bcubed(
      items([
        ["x", "a"],
        ["x", "a"],
        ["x", "b"],
      ]),
    );
    expect(score.precision).toBeCloseTo((2 / 3 + 2 / 3 + 1 / 3) / 3, 10);
    expect(score.recall).toBe(1);
  });

  it("charges one root cause split over issues to recall", () => {
    // Class a is in x (2 items) and y (1 item): 2/3, 2/3 and 1/3 of a share their cluster.
    const score = bcubed(
      items([
        ["x", "a"],
        ["x", "a"],
        ["y", "a"],
        ["z", "b"],
      ]),
    );
    expect(score.precision).toBe(1);
    expect(score.recall).toBeCloseTo((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4, 10);
  });

  it("scores every item on its own: all in one cluster vs all apart", () => {
    const truth = ["a", "a", "b", "c"];
    const together = bcubed(truth.map((t) => ({ cluster: "one", truth: t })));
    expect(together.recall).toBe(1);
    expect(together.precision).toBeCloseTo((0.5 + 0.5 + 0.25 + 0.25) / 4, 10);
    const apart = bcubed(truth.map((t, i) => ({ cluster: String(i), truth: t })));
    expect(apart.precision).toBe(1);
    expect(apart.recall).toBeCloseTo((0.5 + 0.5 + 1 + 1) / 4, 10);
  });
});
