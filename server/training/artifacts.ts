import "server-only";
import fs from "node:fs";
import path from "node:path";
import { buildV1Model } from "../inference/onnx/v1-graph";
import { buildV2Model, type V2Params } from "../inference/onnx/v2-graph";
import type { ModelConfig } from "../inference/registry";
import type { SlotLayout } from "../inference/tokenizers/frame-tokenizer";

export const V1_FEATURES = 4096;
export const V2_VOCAB = 32768;
export const V2_MAX_TOKENS = 1024;
export const OUTPUT_DIM = 768;
export const V2_LAYOUT: SlotLayout = "chain";

export function v1Config(
  threshold: number,
  thresholds: Record<string, number> = {},
  platformThresholds = {},
): ModelConfig {
  return {
    version: "v1",
    description:
      "Lexical baseline: hashed word pieces and their character trigrams over the whole embedding text, random projection to 768 (untrained).",
    dimensionProduced: OUTPUT_DIM,
    dimensionStored: OUTPUT_DIM,
    column: "v1",
    threshold,
    thresholds,
    platformThresholds,
    status: "stable",
    tokenizer: { kind: "lexical-hash", features: V1_FEATURES },
    output: "embeddings",
    pooling: "none",
  };
}

export function v2Config(
  threshold: number,
  thresholds: Record<string, number> = {},
  platformThresholds: Record<string, number> = {},
  layout: SlotLayout = V2_LAYOUT,
): ModelConfig {
  return {
    version: "v2",
    description:
      "Trained stacktrace encoder: frame-aware hashed tokens (slots by exception role in the chain and distance from its crash frame), embedding bag, MLP to 768 (Matryoshka), stored at 64.",
    dimensionProduced: OUTPUT_DIM,
    dimensionStored: 64,
    column: "v2",
    threshold,
    thresholds,
    platformThresholds,
    status: "next",
    tokenizer: { kind: "frame-hash", vocabSize: V2_VOCAB, maxTokens: V2_MAX_TOKENS, layout },
    output: "embeddings",
    pooling: "none",
  };
}

export function writeModel(dir: string, onnx: Uint8Array | undefined, config: ModelConfig): void {
  fs.mkdirSync(dir, { recursive: true });
  if (onnx) fs.writeFileSync(path.join(dir, "model.onnx"), onnx);
  fs.writeFileSync(path.join(dir, "config.json"), `${JSON.stringify(config, null, 2)}\n`);
}

export function writeV1(dir: string, seed: number, threshold = 0.01): void {
  writeModel(dir, buildV1Model({ features: V1_FEATURES, outputDim: OUTPUT_DIM, seed }), v1Config(threshold));
}

export function writeV2(dir: string, params: V2Params, threshold = 0.1): void {
  writeModel(dir, buildV2Model(params), v2Config(threshold));
}
