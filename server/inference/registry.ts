import "server-only";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { HttpError } from "../http/errors";

/**
 * The model registry: one folder per version under MODELS_DIR with `model.onnx` and `config.json`.
 * Adding a model version = a folder here, plus a migration adding its vector column and index.
 */
const tokenizerSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("lexical-hash"), features: z.number().int().positive() }),
  z.object({
    kind: z.literal("frame-hash"),
    vocabSize: z.number().int().positive(),
    maxTokens: z.number().int().positive(),
    /** How tokens map to slots (server/inference/tokenizers/frame-tokenizer.ts); models before "chain" are "legacy". */
    layout: z.enum(["legacy", "chain"]).default("legacy"),
  }),
  z.object({
    kind: z.literal("tokenizer.json"),
    path: z.string().default("tokenizer.json"),
    maxLength: z.number().int().positive().default(512),
  }),
]);

export const modelConfigSchema = z.object({
  version: z.string().min(1),
  description: z.string().optional(),
  dimensionProduced: z.number().int().positive(),
  dimensionStored: z.number().int().positive(),
  column: z.enum(["v1", "v2"]),
  /** Cosine distance at or under which two traces group, at the stored dimension. */
  threshold: z.number().min(0).max(2),
  /** Calibrated thresholds for other Matryoshka dimensions (offline evaluation). */
  thresholds: z.record(z.string(), z.number()).default({}),
  /**
   * Thresholds at the stored dimension for events of one platform (calibrated where the platform had enough labeled
   * pairs); an event of any other platform, or of none, uses `threshold`.
   */
  platformThresholds: z.record(z.string(), z.number().min(0).max(2)).default({}),
  status: z.enum(["stable", "next", "retired"]),
  tokenizer: tokenizerSchema,
  /** Output tensor name; `mean` pooling for exports that return last_hidden_state [batch, seq, dim]. */
  output: z.string().default("embeddings"),
  pooling: z.enum(["none", "mean"]).default("none"),
});

export type ModelConfig = z.infer<typeof modelConfigSchema>;
/** A config as written to config.json (defaults may be left out). */
export type ModelConfigInput = z.input<typeof modelConfigSchema>;
export type TokenizerConfig = z.infer<typeof tokenizerSchema>;

export interface ModelEntry extends Omit<ModelConfig, "dimensionProduced" | "dimensionStored"> {
  dimensionProduced: number;
  dimensionStored: number;
  /** Absolute path of model.onnx. */
  artifactPath: string;
  /** Absolute path of the model's folder (tokenizer.json lives there). */
  directory: string;
}

export class UnknownModelError extends HttpError {
  constructor(version: string, known: string[]) {
    super(400, "unknown_model", `Unknown model "${version}"; known models: ${known.join(", ") || "none"}.`);
  }
}

export class ModelRegistry {
  private entries: Map<string, ModelEntry> | undefined;

  constructor(private readonly modelsDir: string) {}

  private load(): Map<string, ModelEntry> {
    if (this.entries) return this.entries;
    const entries = new Map<string, ModelEntry>();
    const dir = path.resolve(this.modelsDir);
    const folders = fs.existsSync(dir)
      ? fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory())
      : [];
    for (const folder of folders.sort((a, b) => a.name.localeCompare(b.name))) {
      const configPath = path.join(dir, folder.name, "config.json");
      if (!fs.existsSync(configPath)) continue;
      const parsed = modelConfigSchema.safeParse(JSON.parse(fs.readFileSync(configPath, "utf8")));
      if (!parsed.success) {
        throw new Error(
          `${configPath} is not a valid model config: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
        );
      }
      const config = parsed.data;
      if (config.dimensionStored > config.dimensionProduced)
        throw new Error(`${configPath}: dimensionStored exceeds dimensionProduced.`);
      entries.set(config.version, {
        ...config,
        artifactPath: path.join(dir, folder.name, "model.onnx"),
        directory: path.join(dir, folder.name),
      });
    }
    this.entries = entries;
    return entries;
  }

  get(version: string): ModelEntry | undefined {
    return this.load().get(version);
  }

  /** Like get, but an unknown version is a 400 that lists the known ones. */
  require(version: string): ModelEntry {
    const entry = this.get(version);
    if (!entry) throw new UnknownModelError(version, [...this.load().keys()]);
    return entry;
  }

  list(): ModelEntry[] {
    return [...this.load().values()];
  }

  stable(): ModelEntry | undefined {
    return this.list().find((e) => e.status === "stable");
  }

  next(): ModelEntry | undefined {
    return this.list().find((e) => e.status === "next");
  }

  /** Forgets what was read, so a retrained model's config is picked up. */
  reload(): void {
    this.entries = undefined;
  }
}
