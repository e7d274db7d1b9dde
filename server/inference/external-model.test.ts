import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LocalInferenceService } from "./local-service";
import { buildOnnxModel } from "./onnx/model-builder";
import { ModelRegistry } from "./registry";
import { TokenizerJson } from "./tokenizers/hf-tokenizer";

// A tiny sentence-transformer export built here: a BERT WordPiece tokenizer.json and an ONNX graph taking
// input_ids / attention_mask / token_type_ids and returning last_hidden_state (mean-pooled by the service).
const words = [
  "[PAD]",
  "[UNK]",
  "[CLS]",
  "[SEP]",
  "key",
  "##error",
  "file",
  "views",
  "py",
  "function",
  "create",
  "order",
  "quote",
  ",",
  '"',
  ":",
  ".",
  "_",
];
const vocab = Object.fromEntries(words.map((w, i) => [w, i]));
const special = (id: number, content: string) => ({
  id,
  content,
  single_word: false,
  lstrip: false,
  rstrip: false,
  normalized: false,
  special: true,
});
const tokenizerJson = {
  version: "1.0",
  truncation: null,
  padding: null,
  added_tokens: [special(0, "[PAD]"), special(1, "[UNK]"), special(2, "[CLS]"), special(3, "[SEP]")],
  normalizer: {
    type: "BertNormalizer",
    clean_text: true,
    handle_chinese_chars: true,
    strip_accents: null,
    lowercase: true,
  },
  pre_tokenizer: { type: "BertPreTokenizer" },
  post_processor: {
    type: "TemplateProcessing",
    single: [
      { SpecialToken: { id: "[CLS]", type_id: 0 } },
      { Sequence: { id: "A", type_id: 0 } },
      { SpecialToken: { id: "[SEP]", type_id: 0 } },
    ],
    pair: [{ Sequence: { id: "A", type_id: 0 } }, { Sequence: { id: "B", type_id: 1 } }],
    special_tokens: {
      "[CLS]": { id: "[CLS]", ids: [2], tokens: ["[CLS]"] },
      "[SEP]": { id: "[SEP]", ids: [3], tokens: ["[SEP]"] },
    },
  },
  decoder: { type: "WordPiece", prefix: "##", cleanup: true },
  model: {
    type: "WordPiece",
    unk_token: "[UNK]",
    continuing_subword_prefix: "##",
    max_input_chars_per_word: 100,
    vocab,
  },
};
const HIDDEN = 6;
const table = Float32Array.from(
  { length: words.length * HIDDEN },
  (_, i) => Math.sin(i * 1.7) + (i % HIDDEN === 0 ? 0.5 : 0),
);

function writeModel(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "regroup-external-"));
  const model = path.join(dir, "st-mini");
  fs.mkdirSync(model);
  fs.writeFileSync(path.join(model, "tokenizer.json"), JSON.stringify(tokenizerJson));
  const onnx = buildOnnxModel({
    name: "tiny-sentence-transformer",
    inputs: ["input_ids", "attention_mask", "token_type_ids"].map((name) => ({
      name,
      type: "int64" as const,
      shape: ["batch", "sequence"],
    })),
    outputs: [{ name: "last_hidden_state", type: "float", shape: ["batch", "sequence", HIDDEN] }],
    initializers: [
      { name: "word_embeddings", type: "float", dims: [words.length, HIDDEN], data: table },
      { name: "type_embeddings", type: "float", dims: [2, HIDDEN], data: new Float32Array(2 * HIDDEN) },
    ],
    nodes: [
      {
        op: "Gather",
        inputs: ["word_embeddings", "input_ids"],
        outputs: ["words"],
        attributes: [{ name: "axis", int: 0 }],
      },
      {
        op: "Gather",
        inputs: ["type_embeddings", "token_type_ids"],
        outputs: ["types"],
        attributes: [{ name: "axis", int: 0 }],
      },
      { op: "Add", inputs: ["words", "types"], outputs: ["last_hidden_state"] },
    ],
  });
  fs.writeFileSync(path.join(model, "model.onnx"), onnx);
  const config = {
    version: "st-mini",
    dimensionProduced: HIDDEN,
    dimensionStored: HIDDEN,
    column: "v2",
    threshold: 0.1,
    status: "retired",
    tokenizer: { kind: "tokenizer.json", maxLength: 16 },
    output: "last_hidden_state",
    pooling: "mean",
  };
  fs.writeFileSync(path.join(model, "config.json"), JSON.stringify(config));
  return dir;
}

describe("an external sentence-transformer ONNX export", () => {
  const dir = writeModel();

  it("tokenizes with its tokenizer.json (WordPiece, special tokens, truncation)", () => {
    const tokenizer = new TokenizerJson(path.join(dir, "st-mini"), "tokenizer.json", 16);
    expect(tokenizer.encode("KeyError create_order").ids).toEqual([2, 4, 5, 10, 17, 11, 3]);
    expect(tokenizer.encode(Array.from({ length: 40 }, () => "order").join(" ")).ids).toHaveLength(16);
  });

  it("loads through the registry and is served with mean pooling over real tokens", async () => {
    const service = new LocalInferenceService(new ModelRegistry(dir), { device: "cpu", maxWaitMs: 5 });
    const [short, long] = await Promise.all([
      service.embed("st-mini", ["quote"]),
      service.embed("st-mini", ["KeyError: create_order in views.py"]),
    ]);
    const ids = [2, 12, 3];
    const expected = Array.from(
      { length: HIDDEN },
      (_, d) => ids.reduce((s, id) => s + (table[id * HIDDEN + d] as number), 0) / ids.length,
    );
    const n = Math.hypot(...expected);
    short?.[0]?.forEach((x, d) => expect(x).toBeCloseTo((expected[d] as number) / n, 5));
    expect(long?.[0]).toHaveLength(HIDDEN);
  });
});
