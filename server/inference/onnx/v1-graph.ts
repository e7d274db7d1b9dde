import "server-only";
import { Rng } from "@/engine/math/random";
import { buildOnnxModel, epsInitializer, l2NormalizeNodes } from "./model-builder";

/**
 * v1: hashed word-piece counts (the lexical tokenizer's features) → a fixed random ±1 projection → 768,
 * L2-normalised. Untrained on purpose: it is the generic "looks alike" baseline. The projection is stored as
 * int8 and cast once at load time, so the artifact stays around 3 MB.
 */
export function buildV1Model(options: { features: number; outputDim: number; seed: number }): Uint8Array {
  const { features, outputDim } = options;
  const rng = new Rng(`v1-projection:${options.seed}`);
  const projection = new Int8Array(features * outputDim);
  for (let i = 0; i < projection.length; i++) projection[i] = rng.next() < 0.5 ? -1 : 1;
  return buildOnnxModel({
    name: "regroup-v1-lexical",
    inputs: [{ name: "features", type: "float", shape: ["batch", features] }],
    outputs: [{ name: "embeddings", type: "float", shape: ["batch", outputDim] }],
    initializers: [
      { name: "projection", type: "int8", dims: [features, outputDim], data: projection },
      epsInitializer(1e-6),
    ],
    nodes: [
      { op: "Cast", inputs: ["projection"], outputs: ["projection_f"], attributes: [{ name: "to", int: 1 }] },
      { op: "MatMul", inputs: ["features", "projection_f"], outputs: ["z"] },
      ...l2NormalizeNodes("z", "embeddings"),
    ],
    metadata: { model: "v1", kind: "lexical-hashing" },
  });
}
