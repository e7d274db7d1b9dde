import "server-only";
import { Rng } from "@/engine/math/random";
import type { V2Params, V2Shape } from "../inference/onnx/v2-graph";
import { SLOT_COUNT, slotPlace, type FrameTokens } from "../inference/tokenizers/frame-tokenizer";

/**
 * v2's parameters and its forward and backward passes, written by hand (there is no autograd here):
 *   bag = Σ_t slot[s_t] · scale[id_t] · E[id_t]      (embedding bag; slot = token class × distance from crash)
 *   x̂ = bag / ‖bag‖;  h = relu(x̂ W1 + b1);  z = h W2 + b2      (768 dims; Matryoshka prefixes are normalised)
 * The ONNX graph (server/inference/onnx/v2-graph.ts) computes the same function.
 */
export type { V2Params, V2Shape } from "../inference/onnx/v2-graph";

export const NORM_EPS = 1e-6;

function gaussian(rng: Rng): number {
  const u = Math.max(rng.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/** Initial slot weights: how much each token class at each distance from the crash (and chain role) counts. */
export interface SlotPriors {
  /**
   * < 1 starts each slot's weight at decay^bucket (bucket = distance from the crash frame), a prior that frames near
   * the crash matter more (TraceSim); training adjusts it. 1 starts every slot at 1.
   */
  positionDecay?: number;
  /**
   * The "chain" layout's inner exceptions (causes below the primary one: a library's or the runtime's own errors,
   * `ReadTimeoutError` under requests' `ReadTimeout`, the socket's `TimeoutError` under that) start at this share.
   * Few training chains have them, so their slots barely move from where they start; at 1 their many library frames
   * outweighed the one or two app frames that tell two faults apart (corpus/README.md, "The models on the dev split").
   */
  innerRole?: number;
}

export function initParams(shape: V2Shape, seed: number, slots = SLOT_COUNT, priors: SlotPriors = {}): V2Params {
  const rng = new Rng(`v2-init:${seed}`);
  const fill = (n: number, std: number) => Float32Array.from({ length: n }, () => gaussian(rng) * std);
  const slotWeight = new Float32Array(slots).fill(1);
  const layout = slots === SLOT_COUNT ? "legacy" : "chain";
  for (let s = 1; s < slots; s++) {
    const { bucket, role } = slotPlace(s, layout);
    slotWeight[s] = (priors.positionDecay ?? 1) ** bucket * (role === "inner" ? (priors.innerRole ?? 1) : 1);
  }
  slotWeight[0] = 0;
  return {
    shape,
    embeddings: fill(shape.vocabSize * shape.bagDim, 1 / Math.sqrt(shape.bagDim)),
    tokenScale: new Float32Array(shape.vocabSize).fill(1),
    slotWeight,
    w1: fill(shape.bagDim * shape.hidden, Math.sqrt(2 / shape.bagDim)),
    b1: new Float32Array(shape.hidden).fill(0.01),
    w2: fill(shape.hidden * shape.outputDim, Math.sqrt(1 / shape.hidden)),
    b2: new Float32Array(shape.outputDim),
  };
}

/** What the backward pass needs from the forward pass of one text. */
export interface ForwardState {
  tokens: FrameTokens;
  bagNorm: number;
  xhat: Float64Array;
  pre: Float64Array;
  z: Float64Array;
}

export function forward(p: V2Params, tokens: FrameTokens): ForwardState {
  const { bagDim: D, hidden: H, outputDim: O } = p.shape;
  const bag = new Float64Array(D);
  for (let t = 0; t < tokens.ids.length; t++) {
    const id = tokens.ids[t] as number;
    const coef = (p.slotWeight[tokens.slots[t] as number] as number) * (p.tokenScale[id] as number);
    if (coef === 0) continue;
    const row = id * D;
    for (let d = 0; d < D; d++) bag[d] = (bag[d] as number) + coef * (p.embeddings[row + d] as number);
  }
  let norm = 0;
  for (let d = 0; d < D; d++) norm += (bag[d] as number) ** 2;
  const bagNorm = Math.sqrt(norm) + NORM_EPS;
  const xhat = bag.map((v) => v / bagNorm);
  const pre = new Float64Array(H);
  pre.set(p.b1);
  for (let d = 0; d < D; d++) {
    const x = xhat[d] as number;
    if (x === 0) continue;
    const row = d * H;
    for (let j = 0; j < H; j++) pre[j] = (pre[j] as number) + x * (p.w1[row + j] as number);
  }
  const z = new Float64Array(O);
  z.set(p.b2);
  for (let j = 0; j < H; j++) {
    const h = pre[j] as number;
    if (h <= 0) continue;
    const row = j * O;
    for (let o = 0; o < O; o++) z[o] = (z[o] as number) + h * (p.w2[row + o] as number);
  }
  return { tokens, bagNorm, xhat, pre, z };
}

/** Gradient buffers; embeddings and token scales are sparse (only rows a batch touched). */
export interface V2Grads {
  embeddings: Map<number, Float64Array>;
  tokenScale: Map<number, number>;
  slotWeight: Float64Array;
  w1: Float64Array;
  b1: Float64Array;
  w2: Float64Array;
  b2: Float64Array;
}

export function zeroGrads(p: V2Params): V2Grads {
  return {
    embeddings: new Map(),
    tokenScale: new Map(),
    slotWeight: new Float64Array(p.slotWeight.length),
    w1: new Float64Array(p.w1.length),
    b1: new Float64Array(p.b1.length),
    w2: new Float64Array(p.w2.length),
    b2: new Float64Array(p.b2.length),
  };
}

/** Accumulates the gradient of the loss into `g`, given ∂loss/∂z for one text. */
export function backward(p: V2Params, state: ForwardState, gz: Float64Array, g: V2Grads): void {
  const { bagDim: D, hidden: H, outputDim: O } = p.shape;
  const gh = new Float64Array(H);
  for (let o = 0; o < O; o++) g.b2[o] = (g.b2[o] as number) + (gz[o] as number);
  for (let j = 0; j < H; j++) {
    const h = state.pre[j] as number;
    if (h <= 0) continue;
    const row = j * O;
    let acc = 0;
    for (let o = 0; o < O; o++) {
      const go = gz[o] as number;
      g.w2[row + o] = (g.w2[row + o] as number) + h * go;
      acc += (p.w2[row + o] as number) * go;
    }
    gh[j] = acc;
  }
  const gx = new Float64Array(D);
  for (let d = 0; d < D; d++) {
    const x = state.xhat[d] as number;
    const row = d * H;
    let acc = 0;
    for (let j = 0; j < H; j++) {
      const ga = gh[j] as number;
      if (ga === 0) continue;
      g.w1[row + j] = (g.w1[row + j] as number) + x * ga;
      acc += (p.w1[row + j] as number) * ga;
    }
    gx[d] = acc;
  }
  for (let j = 0; j < H; j++) g.b1[j] = (g.b1[j] as number) + (gh[j] as number);
  // Through the bag normalisation: ∂x̂/∂bag = (I − x̂x̂ᵀ)/‖bag‖.
  let dot = 0;
  for (let d = 0; d < D; d++) dot += (gx[d] as number) * (state.xhat[d] as number);
  const gbag = new Float64Array(D);
  for (let d = 0; d < D; d++) gbag[d] = ((gx[d] as number) - dot * (state.xhat[d] as number)) / state.bagNorm;
  const { ids, slots } = state.tokens;
  for (let t = 0; t < ids.length; t++) {
    const id = ids[t] as number;
    const slot = slots[t] as number;
    const sw = p.slotWeight[slot] as number;
    const ts = p.tokenScale[id] as number;
    if (sw === 0 && slot === 0) continue;
    const row = id * D;
    let ge = g.embeddings.get(id);
    if (!ge) g.embeddings.set(id, (ge = new Float64Array(D)));
    let gcoef = 0;
    const coef = sw * ts;
    for (let d = 0; d < D; d++) {
      const gb = gbag[d] as number;
      ge[d] = (ge[d] as number) + coef * gb;
      gcoef += (p.embeddings[row + d] as number) * gb;
    }
    g.slotWeight[slot] = (g.slotWeight[slot] as number) + ts * gcoef;
    g.tokenScale.set(id, (g.tokenScale.get(id) ?? 0) + sw * gcoef);
  }
}
