import "server-only";
import { buildOnnxModel, epsInitializer, l2NormalizeNodes } from "./model-builder";

/** Shape of v2's weights; the trainer (server/training/model.ts) owns how they are learned. */
export interface V2Shape {
  vocabSize: number;
  bagDim: number;
  hidden: number;
  outputDim: number;
}

export interface V2Params {
  shape: V2Shape;
  embeddings: Float32Array; // vocab × bag
  tokenScale: Float32Array; // vocab
  slotWeight: Float32Array; // slots
  w1: Float32Array; // bag × hidden
  b1: Float32Array;
  w2: Float32Array; // hidden × output
  b2: Float32Array;
}

/**
 * v2: frame-aware hashed tokens → weighted embedding bag → normalise → MLP (ReLU) → 768, normalised.
 * Inputs are `input_ids` (hash buckets) and `slot_ids` (token class × distance from the crash frame), both
 * int64 [batch, sequence], padded with slot 0 whose weight is zero. Same function as server/training/model.ts.
 */
export function buildV2Model(p: V2Params): Uint8Array {
  const { vocabSize: V, bagDim: D, hidden: H, outputDim: O } = p.shape;
  return buildOnnxModel({
    name: "regroup-v2-frame-encoder",
    inputs: [
      { name: "input_ids", type: "int64", shape: ["batch", "sequence"] },
      { name: "slot_ids", type: "int64", shape: ["batch", "sequence"] },
    ],
    outputs: [{ name: "embeddings", type: "float", shape: ["batch", O] }],
    initializers: [
      { name: "token_embeddings", type: "float", dims: [V, D], data: p.embeddings },
      { name: "token_scale", type: "float", dims: [V, 1], data: p.tokenScale },
      { name: "slot_weight", type: "float", dims: [p.slotWeight.length, 1], data: p.slotWeight },
      { name: "w1", type: "float", dims: [D, H], data: p.w1 },
      { name: "b1", type: "float", dims: [H], data: p.b1 },
      { name: "w2", type: "float", dims: [H, O], data: p.w2 },
      { name: "b2", type: "float", dims: [O], data: p.b2 },
      { name: "sequence_axis", type: "int64", dims: [1], data: BigInt64Array.of(1n) },
      epsInitializer(1e-6),
    ],
    nodes: [
      {
        op: "Gather",
        inputs: ["token_embeddings", "input_ids"],
        outputs: ["emb"],
        attributes: [{ name: "axis", int: 0 }],
      },
      {
        op: "Gather",
        inputs: ["token_scale", "input_ids"],
        outputs: ["scale"],
        attributes: [{ name: "axis", int: 0 }],
      },
      { op: "Gather", inputs: ["slot_weight", "slot_ids"], outputs: ["slot"], attributes: [{ name: "axis", int: 0 }] },
      { op: "Mul", inputs: ["scale", "slot"], outputs: ["coef"] },
      { op: "Mul", inputs: ["emb", "coef"], outputs: ["weighted"] },
      {
        op: "ReduceSum",
        inputs: ["weighted", "sequence_axis"],
        outputs: ["bag"],
        attributes: [{ name: "keepdims", int: 0 }],
      },
      ...l2NormalizeNodes("bag", "xhat"),
      { op: "MatMul", inputs: ["xhat", "w1"], outputs: ["a1"] },
      { op: "Add", inputs: ["a1", "b1"], outputs: ["pre"] },
      { op: "Relu", inputs: ["pre"], outputs: ["h"] },
      { op: "MatMul", inputs: ["h", "w2"], outputs: ["z0"] },
      { op: "Add", inputs: ["z0", "b2"], outputs: ["z"] },
      ...l2NormalizeNodes("z", "embeddings"),
    ],
    metadata: { model: "v2", kind: "frame-embedding-bag" },
  });
}
