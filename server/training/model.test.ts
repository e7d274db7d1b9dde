import { describe, expect, it } from "vitest";
import { FrameHashTokenizer, slotCount, slotOf } from "../inference/tokenizers/frame-tokenizer";
import { contrastivePairLoss } from "./loss";
import { backward, forward, initParams, zeroGrads } from "./model";

const tokenizer = new FrameHashTokenizer({ vocabSize: 512, maxTokens: 256 });
const textA =
  'KeyError: \'id\'\n  File "views.py", function create_order\n    total = quote(order)\n  File "pricing.py", function quote\n    return rates["id"]';
const textB =
  'KeyError: \'id\'\n  File "views.py", function create_order\n    total = ship(order)\n  File "shipping.py", function ship\n    return zones["id"]';

function loss(p: ReturnType<typeof initParams>, group: boolean): number {
  return contrastivePairLoss(forward(p, tokenizer.encode(textA)).z, forward(p, tokenizer.encode(textB)).z, group).loss;
}

describe("v2's hand-written gradients", () => {
  for (const group of [true, false]) {
    it(`match finite differences (${group ? "GROUP" : "SEPARATE"} pair)`, () => {
      const p = initParams({ vocabSize: 512, bagDim: 8, hidden: 16, outputDim: 768 }, 3);
      const a = forward(p, tokenizer.encode(textA));
      const b = forward(p, tokenizer.encode(textB));
      const { ga, gb } = contrastivePairLoss(a.z, b.z, group, 1, 0.99);
      const g = zeroGrads(p);
      backward(p, a, ga, g);
      backward(p, b, gb, g);
      const check = (array: Float32Array, index: number, analytic: number) => {
        const original = array[index] as number;
        const h = 1e-3;
        const lossWith = (value: number) => {
          array[index] = value;
          return contrastivePairLoss(
            forward(p, tokenizer.encode(textA)).z,
            forward(p, tokenizer.encode(textB)).z,
            group,
            1,
            0.99,
          ).loss;
        };
        const up = lossWith(original + h);
        const down = lossWith(original - h);
        array[index] = original;
        expect(analytic).toBeCloseTo((up - down) / (2 * h), 3);
      };
      check(p.w2, 5 * 768 + 3, g.w2[5 * 768 + 3] as number);
      check(p.w1, 17, g.w1[17] as number);
      const slot = tokenizer.encode(textA).slots[0] as number;
      check(p.slotWeight, slot, g.slotWeight[slot] as number);
      const id = tokenizer.encode(textA).ids[2] as number;
      check(p.tokenScale, id, g.tokenScale.get(id) ?? 0);
      check(p.embeddings, id * 8 + 1, g.embeddings.get(id)?.[1] ?? 0);
      expect(loss(p, group)).toBeGreaterThanOrEqual(0);
    });
  }
});

describe("v2's initial slot weights", () => {
  it("start a chain's inner exceptions at their prior, the same token nearer the crash above the farther one", () => {
    const shape = { vocabSize: 512, bagDim: 8, hidden: 16, outputDim: 768 };
    const p = initParams(shape, 3, slotCount("chain"), { positionDecay: 0.5, innerRole: 0.1 });
    const weight = (role: "primary" | "wrapper" | "inner", bucket: number) =>
      p.slotWeight[slotOf("function", bucket, role)] as number;
    expect(weight("primary", 0)).toBe(1);
    expect(weight("wrapper", 0)).toBe(1);
    expect(weight("inner", 0)).toBeCloseTo(0.1, 6);
    expect(weight("primary", 2)).toBeCloseTo(0.25, 6);
    expect(weight("inner", 2)).toBeCloseTo(0.025, 6);
    // The legacy layout has no roles: nothing is an inner exception there.
    const legacy = initParams(shape, 3, slotCount("legacy"), { positionDecay: 0.5, innerRole: 0.1 });
    expect(legacy.slotWeight[slotOf("function", 0)]).toBe(1);
    const withoutPrior = initParams(shape, 3, slotCount("legacy"), { positionDecay: 0.5 });
    expect(Array.from(legacy.slotWeight)).toEqual(Array.from(withoutPrior.slotWeight));
  });
});
