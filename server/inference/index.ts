import "server-only";
import { env } from "../env";
import { LocalInferenceService } from "./local-service";
import { ModelRegistry, type RegistryVersions } from "./registry";
import { RemoteInferenceService } from "./remote-service";
import type { InferenceService } from "./service";

const holder = globalThis as typeof globalThis & {
  __regroupModelRegistry?: ModelRegistry;
  __regroupInferenceService?: InferenceService;
};

function registry(): ModelRegistry {
  return (holder.__regroupModelRegistry ??= new ModelRegistry(env().MODELS_DIR));
}

/**
 * The model registry over MODELS_DIR and the models registered from the console (read on first use; kept on
 * globalThis across dev reloads).
 */
export const modelRegistry = {
  get: (version: string) => registry().get(version),
  require: (version: string) => registry().require(version),
  list: () => registry().list(),
  stable: () => registry().stable(),
  next: () => registry().next(),
  useVersions: (versions: RegistryVersions) => registry().useVersions(versions),
};

/** The process's inference service: remote when INFERENCE_URL is set, else the models loaded here. */
export function getInferenceService(): InferenceService {
  if (!holder.__regroupInferenceService) {
    const url = env().INFERENCE_URL;
    holder.__regroupInferenceService = url ? new RemoteInferenceService(url) : new LocalInferenceService(registry());
  }
  return holder.__regroupInferenceService;
}

export type { InferenceService, EmbedOptions } from "./service";
export type { ModelEntry } from "./registry";
export { ModelRegistry } from "./registry";
export { LocalInferenceService } from "./local-service";
export { RemoteInferenceService } from "./remote-service";
