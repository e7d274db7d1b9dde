import "server-only";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { HttpError } from "../http/errors";

/**
 * The model registry: one folder per version with `model.onnx` and `config.json` — the folders of MODELS_DIR (the
 * models that ship with regroup) and those of the models registered from the console (server/models, stored under
 * DATA_DIR/models), whose statuses the console may also change (the model_versions table, applied with
 * `useVersions`). Several models may be "next" at once (each may take projects, with fallback to the stable one);
 * `next()` is the oldest of them, the one the migration is tracked for.
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
  /** Its grouping_records column: "v" and digits (the column is named in SQL, where it cannot be a parameter). */
  column: z.string().regex(/^v\d+$/, 'a column is "v" followed by digits, e.g. "v3"'),
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

export type ModelStatus = ModelConfig["status"];

/** What the console changed: the folders of registered models, and statuses that replace their config's. */
export interface RegistryVersions {
  registeredDirs: readonly string[];
  statuses: ReadonlyMap<string, ModelStatus>;
}

/** Reads and checks one model folder's config.json (throws, naming the file, when it is not a valid config). */
export function readModelFolder(directory: string): ModelEntry {
  const configPath = path.join(directory, "config.json");
  const parsed = modelConfigSchema.safeParse(JSON.parse(fs.readFileSync(configPath, "utf8")));
  if (!parsed.success) {
    throw new Error(
      `${configPath} is not a valid model config: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
    );
  }
  const config = parsed.data;
  if (config.dimensionStored > config.dimensionProduced)
    throw new Error(`${configPath}: dimensionStored exceeds dimensionProduced.`);
  return { ...config, artifactPath: path.join(directory, "model.onnx"), directory };
}

/** "v2" before "v10". */
export const byVersion = (a: { version: string }, b: { version: string }) =>
  a.version.localeCompare(b.version, "en", { numeric: true });

export class ModelRegistry {
  private entries: Map<string, ModelEntry> | undefined;
  private versions: RegistryVersions = { registeredDirs: [], statuses: new Map() };

  constructor(private readonly modelsDir: string) {}

  private load(): Map<string, ModelEntry> {
    if (this.entries) return this.entries;
    const dir = path.resolve(this.modelsDir);
    const folders = fs.existsSync(dir)
      ? fs
          .readdirSync(dir, { withFileTypes: true })
          .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "config.json")))
          .map((d) => path.join(dir, d.name))
      : [];
    const found = folders.map(readModelFolder);
    for (const registered of this.versions.registeredDirs) {
      // A registered model whose folder went missing is left out (and said so), not a reason to serve none.
      try {
        found.push(readModelFolder(registered));
      } catch (error) {
        console.warn(`regroup: a registered model cannot be read and is not served: ${(error as Error).message}`);
      }
    }
    const entries = new Map<string, ModelEntry>();
    for (const entry of found.sort(byVersion)) {
      if (entries.has(entry.version)) continue;
      entries.set(entry.version, { ...entry, status: this.versions.statuses.get(entry.version) ?? entry.status });
    }
    this.entries = entries;
    return entries;
  }

  /** Serves these registered models and statuses from now on (server/models/versions.ts reads them). */
  useVersions(versions: RegistryVersions): void {
    this.versions = versions;
    this.entries = undefined;
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

  /** The oldest "next" model: the one whose migration the console tracks, and the shadow of stable projects. */
  next(): ModelEntry | undefined {
    return this.list().find((e) => e.status === "next");
  }

  /** Forgets what was read, so a retrained model's config is picked up. */
  reload(): void {
    this.entries = undefined;
  }
}
