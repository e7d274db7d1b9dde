import { describe, expect, it } from "vitest";
import { FrameHashTokenizer } from "../inference/tokenizers/frame-tokenizer";
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
