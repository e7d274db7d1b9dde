import "server-only";
import { env } from "../env";
import { ValidationError } from "../http/errors";
import { lengthBucket, MicroBatcher, type BatcherStats } from "./batcher";
import { createEncoder, type Encoder } from "./encoders";
import type { InferenceDevice, Provider } from "./execution-provider";
import { ThreadedSession } from "./onnx-thread/client";
import type { ModelEntry, ModelRegistry } from "./registry";
import type { EmbedOptions, InferenceService } from "./service";
import { truncateAndNormalize } from "./vectors";
import { mapGivingWay } from "../threads/time-slices";

export interface LocalServiceOptions {
  device?: InferenceDevice;
  /** 1 turns batching off. */
  maxBatch?: number;
  maxWaitMs?: number;
  /** Threads of one CPU inference (INFERENCE_THREADS). */
  threads?: number;
}

interface LoadedModel {
  entry: ModelEntry;
  provider: Provider;
  encoder: Encoder;
  batcher: MicroBatcher<unknown, Float32Array>;
}

/** Resolves the dimension to return: the stored one by default, any prefix up to the produced one. */
export function resolveDims(entry: ModelEntry, dims: number | undefined): number {
  const resolved = dims ?? entry.dimensionStored;
  if (resolved > entry.dimensionProduced) {
    throw new ValidationError(
      `Model ${entry.version} produces ${entry.dimensionProduced} dimensions; dims ${resolved} is too many.`,
    );
  }
  return resolved;
}

/**
 * Runs the models in this process: one ONNX session per model, loaded on first use, with micro-batching. Texts are
 * tokenized here; the sessions run on the inference thread (onnx-thread/), off the caller's event loop.
 */
export class LocalInferenceService implements InferenceService {
  private readonly models = new Map<string, Promise<LoadedModel>>();

  constructor(
    private readonly registry: ModelRegistry,
    private readonly options: LocalServiceOptions = {},
  ) {}

  private load(entry: ModelEntry): Promise<LoadedModel> {
    let loaded = this.models.get(entry.version);
    if (!loaded) {
      loaded = this.open(entry);
      this.models.set(entry.version, loaded);
      // A failed load is not cached, so fixing the artifact or the device does not need a restart.
      loaded.catch(() => this.models.delete(entry.version));
    }
    return loaded;
  }

  private async open(entry: ModelEntry): Promise<LoadedModel> {
    const device = this.options.device ?? env().INFERENCE_DEVICE;
    const threads = this.options.threads ?? env().INFERENCE_THREADS;
    const { session, provider } = await ThreadedSession.open(entry.artifactPath, device, entry.version, threads);
    const encoder = createEncoder(entry);
    const output = entry.output;
    const batcher = new MicroBatcher<unknown, Float32Array>({
      maxBatch: this.options.maxBatch ?? 64,
      maxWaitMs: this.options.maxWaitMs ?? 2,
      bucketOf: (item) => lengthBucket(encoder.length(item)),
      run: async (items) => {
        const result = await session.run(encoder.feeds(items, session.inputNames));
        const tensor = result[output];
        if (!tensor) throw new Error(`Model ${entry.version} has no output named "${output}".`);
        const rows = splitRows(tensor.data as Float32Array, tensor.dims as number[], items, encoder, entry.pooling);
        const width = rows[0]?.length ?? entry.dimensionProduced;
        if (width !== entry.dimensionProduced) {
          throw new Error(
            `Model ${entry.version} produced ${width} dimensions; its config.json says dimensionProduced ${entry.dimensionProduced}.`,
          );
        }
        return rows;
      },
    });
    return { entry, provider, encoder, batcher };
  }

  async embed(model: string, texts: string[], opts: EmbedOptions = {}): Promise<number[][]> {
    const entry = this.registry.require(model);
    const dims = resolveDims(entry, opts.dims);
    const loaded = await this.load(entry);
    // Tokenizing a chunk of long texts takes tens of ms: the thread gives way between texts (time-slices.ts).
    const encoded = await mapGivingWay(texts, (text) => loaded.encoder.encode(text));
    const rows = await Promise.all(encoded.map((item) => loaded.batcher.submit(item)));
    return rows.map((row) => truncateAndNormalize(row, dims));
  }

  /** Which provider each loaded model runs on, and how well batching worked. */
  async describe(): Promise<{ version: string; provider: Provider; batching: BatcherStats }[]> {
    const loaded = await Promise.all([...this.models.values()].map((p) => p.catch(() => undefined)));
    return loaded
      .filter((m): m is LoadedModel => !!m)
      .map((m) => ({ version: m.entry.version, provider: m.provider, batching: m.batcher.stats }));
  }
}

/** One output row per item; `mean` pooling averages last_hidden_state over each item's real tokens. */
function splitRows(
  data: Float32Array,
  dims: number[],
  items: unknown[],
  encoder: Encoder,
  pooling: "none" | "mean",
): Float32Array[] {
  if (dims.length === 2) {
    const width = dims[1] as number;
    return items.map((_, i) => data.subarray(i * width, (i + 1) * width));
  }
  if (dims.length !== 3 || pooling !== "mean")
    throw new Error(`Unexpected output shape [${dims.join(", ")}]; set "pooling": "mean" for token-level outputs.`);
  const [, seq, width] = dims as [number, number, number];
  return items.map((item, i) => {
    const n = Math.max(1, Math.min(seq, encoder.length(item)));
    const row = new Float32Array(width);
    for (let t = 0; t < n; t++)
      for (let d = 0; d < width; d++) row[d] = (row[d] as number) + (data[(i * seq + t) * width + d] as number) / n;
    return row;
  });
}
