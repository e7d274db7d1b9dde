import ort from "onnxruntime-node";
import { describe, expect, it } from "vitest";
import { forward, initParams } from "../../training/model";
import { FrameHashTokenizer } from "../tokenizers/frame-tokenizer";
import { buildV1Model } from "./v1-graph";
import { buildV2Model } from "./v2-graph";

const int64 = (values: Int32Array) =>
  new ort.Tensor(
    "int64",
    BigInt64Array.from(values, (v) => BigInt(v)),
    [1, values.length],
  );

describe("ONNX graphs written by the project", () => {
  it("v2's graph computes what the trainer's forward pass computes", async () => {
    const params = initParams({ vocabSize: 2048, bagDim: 16, hidden: 32, outputDim: 768 }, 5);
    params.tokenScale.forEach((_, i) => (params.tokenScale[i] = 0.5 + (i % 5) / 5));
    params.slotWeight.forEach((_, i) => (params.slotWeight[i] = i === 0 ? 0 : 1 / (1 + (i % 9))));
    const session = await ort.InferenceSession.create(buildV2Model(params));
    const tokens = new FrameHashTokenizer({ vocabSize: 2048, maxTokens: 512 }).encode(
      'KeyError: \'id\'\n  File "a.py", function load\n    x = cache[key]\n  File "b.py", function parse',
    );
    const { embeddings } = await session.run({ input_ids: int64(tokens.ids), slot_ids: int64(tokens.slots) });
    const z = forward(params, tokens).z;
    const n = Math.hypot(...z);
    const got = embeddings?.data as Float32Array;
    z.forEach((v, i) => expect(got[i]).toBeCloseTo(v / n, 5));
  });

  it("v1's graph is a normalised projection of its features, and padding-free", async () => {
    const session = await ort.InferenceSession.create(buildV1Model({ features: 64, outputDim: 768, seed: 2 }));
    const features = Float32Array.from({ length: 128 }, (_, i) => ((i * 7) % 5) - 2);
    const { embeddings } = await session.run({ features: new ort.Tensor("float32", features, [2, 64]) });
    expect(embeddings?.dims).toEqual([2, 768]);
    const row = Array.from((embeddings?.data as Float32Array).subarray(0, 768));
    expect(Math.hypot(...row)).toBeCloseTo(1, 5);
  });
});
