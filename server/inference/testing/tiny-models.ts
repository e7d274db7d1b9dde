import "server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { initParams } from "../../training/model";
import { buildV1Model } from "../onnx/v1-graph";
import { buildV2Model } from "../onnx/v2-graph";
import type { ModelConfigInput } from "../registry";

/** A MODELS_DIR with small v1 and v2 models (same graphs as the real ones, fewer weights) for tests. */
export function tinyModelsDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "regroup-models-"));
  const write = (version: string, onnx: Uint8Array, config: Omit<ModelConfigInput, "version">) => {
    fs.mkdirSync(path.join(dir, version));
    fs.writeFileSync(path.join(dir, version, "model.onnx"), onnx);
    fs.writeFileSync(path.join(dir, version, "config.json"), JSON.stringify({ version, ...config }));
  };
  write("v1", buildV1Model({ features: 256, outputDim: 768, seed: 1 }), {
    dimensionProduced: 768,
    dimensionStored: 768,
    column: "v1",
    threshold: 0.2,
    status: "stable",
    tokenizer: { kind: "lexical-hash", features: 256 },
  });
  write("v2", buildV2Model(initParams({ vocabSize: 1024, bagDim: 8, hidden: 16, outputDim: 768 }, 1)), {
    dimensionProduced: 768,
    dimensionStored: 64,
    column: "v2",
    threshold: 0.1,
    status: "next",
    tokenizer: { kind: "frame-hash", vocabSize: 1024, maxTokens: 256 },
  });
  return dir;
}
