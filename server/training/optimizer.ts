import "server-only";
import type { V2Grads, V2Params } from "./model";

export interface AdamWOptions {
  beta1: number;
  beta2: number;
  eps: number;
  weightDecay: number;
  /** Learning rate multiplier for the embedding table (sparse rows). */
  embeddingLrScale: number;
  /** Learning rate multiplier for the slot weights: few scalars that each see every text. */
  slotLrScale: number;
  trainEmbeddings: boolean;
}

interface Moments {
  m: Float32Array;
  v: Float32Array;
}

const moments = (n: number): Moments => ({ m: new Float32Array(n), v: new Float32Array(n) });

/**
 * AdamW with decoupled weight decay. Dense tensors update every step; the embedding table and token scales
 * update only the rows a batch touched (lazy Adam), which is what keeps a 32k-row table cheap to train.
 * Token scales decay towards 1 (neutral) rather than 0, so tokens rarely seen stay neutral.
 */
export class AdamW {
  private step = 0;
  private readonly state: Record<"w1" | "b1" | "w2" | "b2" | "slotWeight" | "embeddings" | "tokenScale", Moments>;

  constructor(
    private readonly params: V2Params,
    private readonly options: AdamWOptions,
  ) {
    this.state = {
      w1: moments(params.w1.length),
      b1: moments(params.b1.length),
      w2: moments(params.w2.length),
      b2: moments(params.b2.length),
      slotWeight: moments(params.slotWeight.length),
      embeddings: moments(params.embeddings.length),
      tokenScale: moments(params.tokenScale.length),
    };
  }

  private update(
    target: Float32Array,
    s: Moments,
    index: number,
    grad: number,
    lr: number,
    decay: number,
    decayTo = 0,
  ): void {
    const { beta1, beta2, eps } = this.options;
    const m = beta1 * (s.m[index] as number) + (1 - beta1) * grad;
    const v = beta2 * (s.v[index] as number) + (1 - beta2) * grad * grad;
    s.m[index] = m;
    s.v[index] = v;
    const mHat = m / (1 - beta1 ** this.step);
    const vHat = v / (1 - beta2 ** this.step);
    const current = target[index] as number;
    target[index] = current - lr * (mHat / (Math.sqrt(vHat) + eps) + decay * (current - decayTo));
  }

  apply(g: V2Grads, lr: number, scale: number): void {
    this.step++;
    const p = this.params;
    const wd = this.options.weightDecay;
    const dense: ["w1" | "b1" | "w2" | "b2", Float64Array, number][] = [
      ["w1", g.w1, wd],
      ["b1", g.b1, 0],
      ["w2", g.w2, wd],
      ["b2", g.b2, 0],
    ];
    for (const [name, grad, decay] of dense) {
      const target = p[name];
      for (let i = 0; i < target.length; i++)
        this.update(target, this.state[name], i, (grad[i] as number) * scale, lr, decay);
    }
    // Slot 0 is padding and stays exactly zero.
    for (let i = 1; i < p.slotWeight.length; i++)
      this.update(
        p.slotWeight,
        this.state.slotWeight,
        i,
        (g.slotWeight[i] as number) * scale,
        lr * this.options.slotLrScale,
        0,
      );
    for (const [id, grad] of g.tokenScale)
      this.update(p.tokenScale, this.state.tokenScale, id, grad * scale, lr, wd * 10, 1);
    if (!this.options.trainEmbeddings) return;
    const D = p.shape.bagDim;
    const elr = lr * this.options.embeddingLrScale;
    for (const [id, grad] of g.embeddings) {
      for (let d = 0; d < D; d++)
        this.update(p.embeddings, this.state.embeddings, id * D + d, (grad[d] as number) * scale, elr, wd);
    }
  }
}
