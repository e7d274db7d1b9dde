import "server-only";
import { Rng } from "@/engine/math/random";
import { slotCount, type FrameHashTokenizer, type FrameTokens } from "../inference/tokenizers/frame-tokenizer";
import type { PairSet } from "./dataset";
import { contrastivePairLoss } from "./loss";
import { backward, forward, initParams, zeroGrads, type ForwardState, type V2Params, type V2Shape } from "./model";
import { AdamW } from "./optimizer";

export interface TrainerOptions {
  seed: number;
  epochs: number;
  batchPairs: number;
  learningRate: number;
  warmupFraction: number;
  weightDecay: number;
  trainEmbeddings: boolean;
  embeddingLrScale: number;
  slotLrScale: number;
  /** Initial slot weight decay per position bucket away from the crash frame (1: none). */
  positionDecay: number;
  /** Initial share of the chain's inner exceptions' slots (1: as any other; see SlotPriors). */
  innerRolePrior: number;
  onStep?: (step: number, totalSteps: number, loss: number) => void;
}

export const DEFAULT_TRAINER_OPTIONS: Omit<TrainerOptions, "seed"> = {
  epochs: 2,
  batchPairs: 64,
  learningRate: 2e-3,
  warmupFraction: 0.1,
  weightDecay: 0.01,
  trainEmbeddings: true,
  embeddingLrScale: 1,
  slotLrScale: 10,
  positionDecay: 1,
  innerRolePrior: 1,
};

/** Linear warm-up over the first fraction of steps, then linear decay to zero. */
export function learningRateAt(step: number, total: number, peak: number, warmupFraction: number): number {
  const warmup = Math.max(1, Math.round(total * warmupFraction));
  if (step < warmup) return (peak * (step + 1)) / warmup;
  return peak * Math.max(0, (total - step) / Math.max(1, total - warmup));
}

/**
 * Trains v2 with the contrastive loss over Matryoshka prefixes. Deterministic for a seed: the pair order,
 * the initial weights and the updates depend on nothing else. Each batch embeds each distinct text once.
 */
export function trainV2(
  set: PairSet,
  tokenizer: FrameHashTokenizer,
  shape: V2Shape,
  options: TrainerOptions,
): V2Params {
  const params = initParams(shape, options.seed, slotCount(tokenizer.options.layout), {
    positionDecay: options.positionDecay,
    innerRole: options.innerRolePrior,
  });
  const optimizer = new AdamW(params, {
    beta1: 0.9,
    beta2: 0.999,
    eps: 1e-8,
    weightDecay: options.weightDecay,
    embeddingLrScale: options.embeddingLrScale,
    slotLrScale: options.slotLrScale,
    trainEmbeddings: options.trainEmbeddings,
  });
  const tokens: FrameTokens[] = set.texts.map((text) => tokenizer.encode(text));
  const rng = new Rng(`train:${options.seed}`);
  const perEpoch = Math.ceil(set.pairs.length / options.batchPairs);
  const total = perEpoch * options.epochs;
  let step = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const order = rng.shuffle(set.pairs);
    for (let start = 0; start < order.length; start += options.batchPairs) {
      const batch = order.slice(start, start + options.batchPairs);
      const states = new Map<number, ForwardState>();
      const gradZ = new Map<number, Float64Array>();
      const state = (i: number) => {
        let s = states.get(i);
        if (!s) states.set(i, (s = forward(params, tokens[i] as FrameTokens)));
        return s;
      };
      let loss = 0;
      let weight = 0;
      for (const pair of batch) {
        const { loss: l, ga, gb } = contrastivePairLoss(state(pair.a).z, state(pair.b).z, pair.group, pair.weight);
        loss += l;
        weight += pair.weight;
        for (const [i, g] of [
          [pair.a, ga],
          [pair.b, gb],
        ] as const) {
          const acc = gradZ.get(i);
          if (acc) for (let k = 0; k < g.length; k++) acc[k] = (acc[k] as number) + (g[k] as number);
          else gradZ.set(i, g);
        }
      }
      const grads = zeroGrads(params);
      for (const [i, gz] of gradZ) backward(params, states.get(i) as ForwardState, gz, grads);
      const lr = learningRateAt(step, total, options.learningRate, options.warmupFraction);
      optimizer.apply(grads, lr, 1 / Math.max(weight, 1e-9));
      step++;
      options.onStep?.(step, total, loss / Math.max(weight, 1e-9));
    }
  }
  return params;
}
