import { buildV2Model } from "../../inference/onnx/v2-graph";
import type { ModelConfigInput } from "../../inference/registry";
import { initParams } from "../../training/model";
import type { ModelArtifact } from "../register";

/** The config.json of a small model of the v2 architecture (768 produced), registered as `version` in its own column. */
export function tinyModelConfig(version: string, dimensionStored = 32): ModelConfigInput {
  return {
    version,
    description: "A retrained stacktrace encoder (small, for tests).",
    dimensionProduced: 768,
    dimensionStored,
    column: version,
    threshold: 0.1,
    status: "next",
    tokenizer: { kind: "frame-hash", vocabSize: 1024, maxTokens: 256 },
  };
}

/** Its model.onnx: the v2 graph with small random weights (seeded). */
export function tinyModelOnnx(seed = 3): Uint8Array {
  return buildV2Model(initParams({ vocabSize: 1024, bagDim: 8, hidden: 16, outputDim: 768 }, seed));
}

/** The files of an upload, as registerModel takes them. */
export function tinyModelArtifact(version: string, dimensionStored = 32): ModelArtifact {
  return {
    config: new TextEncoder().encode(JSON.stringify(tinyModelConfig(version, dimensionStored))),
    model: tinyModelOnnx(),
  };
}

/** The multipart body of POST /api/models for these files, and its content type (with the boundary). */
export async function multipartUpload(files: Record<string, string | Uint8Array>) {
  const form = new FormData();
  for (const [name, content] of Object.entries(files)) form.append(name, new Blob([content as BlobPart]), name);
  const response = new Response(form);
  return {
    contentType: response.headers.get("content-type")!,
    body: new Uint8Array(await response.arrayBuffer()),
  };
}
