import { describe, expect, it } from "vitest";
import { cohensKappa, majorityAgreement, pairwiseKappas, strictMajority } from "./kappa";

type V = "GROUP" | "SEPARATE" | "UNSURE";
const repeat = (pair: [V, V], times: number): [V, V][] => Array.from({ length: times }, () => pair);

describe("cohensKappa", () => {
  it("matches a hand-computed 2×2 table", () => {
    // A\B        GROUP  SEPARATE
    // GROUP        20        5      → A: 25 GROUP, 25 SEPARATE
    // SEPARATE     10       15      → B: 30 GROUP, 20 SEPARATE
    // p_o = 35/50 = 0.7; p_e = 0.5·0.6 + 0.5·0.4 = 0.5; κ = (0.7 − 0.5) / 0.5 = 0.4
    const pairs = [
      ...repeat(["GROUP", "GROUP"], 20),
      ...repeat(["GROUP", "SEPARATE"], 5),
      ...repeat(["SEPARATE", "GROUP"], 10),
      ...repeat(["SEPARATE", "SEPARATE"], 15),
    ];
    const result = cohensKappa(pairs);
    expect(result.n).toBe(50);
    expect(result.observed).toBeCloseTo(0.7, 12);
    expect(result.expected).toBeCloseTo(0.5, 12);
    expect(result.kappa).toBeCloseTo(0.4, 12);
  });

  it("matches a hand-computed 3-category table", () => {
    // 10 items: both GROUP ×4, both SEPARATE ×3, A UNSURE/B GROUP ×1, A GROUP/B SEPARATE ×2.
    // A: GROUP 6, SEPARATE 3, UNSURE 1; B: GROUP 5, SEPARATE 5, UNSURE 0.
    // p_o = 7/10; p_e = .6·.5 + .3·.5 + .1·0 = .45; κ = (.7 − .45)/(.55) = 0.454545…
    const pairs = [
      ...repeat(["GROUP", "GROUP"], 4),
      ...repeat(["SEPARATE", "SEPARATE"], 3),
      ...repeat(["UNSURE", "GROUP"], 1),
      ...repeat(["GROUP", "SEPARATE"], 2),
    ];
    const result = cohensKappa(pairs);
    expect(result.observed).toBeCloseTo(0.7, 12);
    expect(result.expected).toBeCloseTo(0.45, 12);
    expect(result.kappa).toBeCloseTo(0.25 / 0.55, 12);
  });

  it("is 1 for perfect agreement, negative below chance, and undefined without variation", () => {
    expect(cohensKappa([...repeat(["GROUP", "GROUP"], 3), ...repeat(["SEPARATE", "SEPARATE"], 2)]).kappa).toBeCloseTo(
      1,
      12,
    );
    // Always opposite: p_o = 0, p_e = .5·.5 + .5·.5 = .5 → κ = −1.
    expect(cohensKappa([...repeat(["GROUP", "SEPARATE"], 2), ...repeat(["SEPARATE", "GROUP"], 2)]).kappa).toBeCloseTo(
      -1,
      12,
    );
    expect(cohensKappa(repeat(["GROUP", "GROUP"], 5)).kappa).toBeNull();
    expect(cohensKappa([]).kappa).toBeNull();
  });
});

describe("pairwiseKappas", () => {
  it("reports only labeler pairs with at least the minimum of shared items", () => {
    const items: Map<string, V>[] = [];
    for (let i = 0; i < 20; i++) {
      const verdict: V = i < 10 ? "GROUP" : "SEPARATE";
      items.push(
        new Map<string, V>([
          ["ann", verdict],
          ["bob", i === 0 ? "SEPARATE" : verdict],
          ...(i < 5 ? [["cy", verdict] as [string, V]] : []),
        ]),
      );
    }
    const result = pairwiseKappas(items, 20);
    expect(result.map((r) => [r.a, r.b, r.n])).toEqual([["ann", "bob", 20]]);
    // ann: 10 G / 10 S; bob: 9 G / 11 S; p_o = 19/20; p_e = .5·.45 + .5·.55 = .5; κ = .45/.5 = 0.9
    expect(result[0]!.kappa).toBeCloseTo(0.9, 12);
  });
});

describe("majority agreement", () => {
  it("needs a strict majority", () => {
    expect(strictMajority<V>(["GROUP", "GROUP", "SEPARATE"])).toBe("GROUP");
    expect(strictMajority<V>(["GROUP", "SEPARATE"])).toBeNull();
    expect(strictMajority<V>([])).toBeNull();
  });

  it("compares each labeler with the others' majority, leaving its own verdict out", () => {
    const items = [
      // Others of ann: bob G, cy G → G; ann S disagrees. Others of bob: ann S, cy G → tie, skipped. Same for cy.
      new Map<string, V>([
        ["ann", "SEPARATE"],
        ["bob", "GROUP"],
        ["cy", "GROUP"],
      ]),
      // ann vs bob only: each other's single verdict is the majority.
      new Map<string, V>([
        ["ann", "GROUP"],
        ["bob", "GROUP"],
      ]),
    ];
    expect(majorityAgreement(items)).toEqual([
      { labeler: "ann", compared: 2, agreed: 1, rate: 0.5 },
      { labeler: "bob", compared: 1, agreed: 1, rate: 1 },
      { labeler: "cy", compared: 0, agreed: 0, rate: null },
    ]);
  });
});
