import "server-only";
import ort from "onnxruntime-node";
import type { ModelEntry } from "./registry";
import { FrameHashTokenizer } from "./tokenizers/frame-tokenizer";
import { TokenizerJson } from "./tokenizers/hf-tokenizer";
import { LexicalHashTokenizer } from "./tokenizers/lexical-tokenizer";

/**
 * Turns texts into a model's input tensors: tokenize one text (done once per text, before batching), then
 * pad a batch of them into the feeds the ONNX graph expects. `length` drives the batcher's length buckets.
 */
export interface Encoder<T = unknown> {
  encode(text: string): T;
  length(encoded: T): number;
  feeds(batch: readonly T[], inputNames: readonly string[]): Record<string, ort.Tensor>;
}

function padded(rows: readonly ArrayLike<number>[], fill = 0): ort.Tensor {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const data = new BigInt64Array(rows.length * width).fill(BigInt(fill));
  rows.forEach((row, i) => {
    for (let j = 0; j < row.length; j++) data[i * width + j] = BigInt(row[j] as number);
  });
  return new ort.Tensor("int64", data, [rows.length, width]);
}

class LexicalEncoder implements Encoder<Float32Array> {
  constructor(private readonly tokenizer: LexicalHashTokenizer) {}
  encode(text: string) {
    return this.tokenizer.encode(text);
  }
  length() {
    return 1; // dense features: every text costs the same
  }
  feeds(batch: readonly Float32Array[]) {
    const width = this.tokenizer.options.features;
    const data = new Float32Array(batch.length * width);
    batch.forEach((row, i) => data.set(row, i * width));
    return { features: new ort.Tensor("float32", data, [batch.length, width]) };
  }
}

class FrameEncoder implements Encoder<{ ids: Int32Array; slots: Int32Array }> {
  constructor(private readonly tokenizer: FrameHashTokenizer) {}
  encode(text: string) {
    return this.tokenizer.encode(text);
  }
  length(encoded: { ids: Int32Array }) {
    return encoded.ids.length;
  }
  feeds(batch: readonly { ids: Int32Array; slots: Int32Array }[]) {
    return { input_ids: padded(batch.map((b) => b.ids)), slot_ids: padded(batch.map((b) => b.slots)) };
  }
}

class TokenizerJsonEncoder implements Encoder<{ ids: number[]; mask: number[]; typeIds: number[] }> {
  constructor(private readonly tokenizer: TokenizerJson) {}
  encode(text: string) {
    return this.tokenizer.encode(text);
  }
  length(encoded: { ids: number[] }) {
    return encoded.ids.length;
  }
  feeds(batch: readonly { ids: number[]; mask: number[]; typeIds: number[] }[], inputNames: readonly string[]) {
    const feeds: Record<string, ort.Tensor> = {
      input_ids: padded(batch.map((b) => b.ids)),
      attention_mask: padded(batch.map((b) => b.mask)),
    };
    // BERT-style exports also take token_type_ids (all zeros for a single sentence).
    if (inputNames.includes("token_type_ids"))
      feeds.token_type_ids = padded(batch.map((b) => (b.typeIds.length ? b.typeIds : b.ids.map(() => 0))));
    return feeds;
  }
}

export function createEncoder(entry: ModelEntry): Encoder {
  const t = entry.tokenizer;
  switch (t.kind) {
    case "lexical-hash":
      return new LexicalEncoder(new LexicalHashTokenizer({ features: t.features })) as Encoder;
    case "frame-hash":
      return new FrameEncoder(
        new FrameHashTokenizer({ vocabSize: t.vocabSize, maxTokens: t.maxTokens, layout: t.layout }),
      ) as Encoder;
    case "tokenizer.json":
      return new TokenizerJsonEncoder(new TokenizerJson(entry.directory, t.path, t.maxLength)) as Encoder;
  }
}
