import "server-only";
import ort from "onnxruntime-node";
import { logger } from "../logger";

export type InferenceDevice = "auto" | "cpu" | "cuda";
export type Provider = "cuda" | "cpu";

export class InferenceDeviceError extends Error {
  override name = "InferenceDeviceError";
}

const holder = globalThis as typeof globalThis & { __regroupCudaProbe?: { ok: boolean; reason: string } };

/**
 * Opens an ONNX session on the execution provider INFERENCE_DEVICE asks for: `cpu`; `cuda`, which fails with
 * an error saying how to install the CUDA provider when it cannot load; or `auto`, which tries CUDA once per
 * process and otherwise runs on CPU, logging which one it got either way.
 */
export async function createSession(
  model: string | Uint8Array,
  device: InferenceDevice,
  label: string,
  threads = 1,
): Promise<{ session: ort.InferenceSession; provider: Provider }> {
  const base: ort.InferenceSession.SessionOptions = {
    graphOptimizationLevel: "all",
    logSeverityLevel: 3,
    intraOpNumThreads: threads,
    // ONNX Runtime's pool threads spin after each run, waiting for the next; on the server they took the cores the
    // database thread and HTTP needed (npm run loadtest: 161 req/s spinning, 232 without, same build).
    extra: { session: { intra_op: { allow_spinning: "0" }, inter_op: { allow_spinning: "0" } } },
  };
  const wantCuda = device === "cuda" || (device === "auto" && holder.__regroupCudaProbe?.ok !== false);
  if (wantCuda) {
    // onnxruntime prints its own error line when the CUDA libraries are missing; the log line below says it
    // in our words, so keep its console quiet for the probe (exceptions still reach us).
    if (device === "auto") ort.env.logLevel = "fatal";
    try {
      const session = await open(model, { ...base, executionProviders: ["cuda"], logSeverityLevel: 4 });
      holder.__regroupCudaProbe = { ok: true, reason: "" };
      logger.info(`inference: model ${label} runs on the CUDA execution provider`);
      return { session, provider: "cuda" };
    } catch (error) {
      const reason = (error as Error).message;
      if (device === "cuda") {
        throw new InferenceDeviceError(
          `INFERENCE_DEVICE=cuda, but onnxruntime-node could not load its CUDA execution provider (${reason}). ` +
            "Install the CUDA provider on this host (see docs/inference.md) or set INFERENCE_DEVICE=auto or cpu.",
        );
      }
      holder.__regroupCudaProbe = { ok: false, reason };
      logger.info("inference: the CUDA execution provider is not available; running on CPU", { reason });
    }
  }
  const session = await open(model, { ...base, executionProviders: ["cpu"] });
  if (device === "cpu") logger.info(`inference: model ${label} runs on CPU`);
  return { session, provider: "cpu" };
}

function open(model: string | Uint8Array, options: ort.InferenceSession.SessionOptions): Promise<ort.InferenceSession> {
  return typeof model === "string"
    ? ort.InferenceSession.create(model, options)
    : ort.InferenceSession.create(model, options);
}
