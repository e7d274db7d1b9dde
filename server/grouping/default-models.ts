import "server-only";
import { getInferenceService, modelRegistry, type ModelEntry } from "../inference";
import type { GroupingModel, GroupingModels } from "./models";

function toGroupingModel(entry: ModelEntry): GroupingModel {
  return {
    version: entry.version,
    column: entry.column,
    dimension: entry.dimensionStored,
    threshold: entry.threshold,
    platformThresholds: entry.platformThresholds,
    status: entry.status,
  };
}

const holder = globalThis as typeof globalThis & { __regroupGroupingModels?: GroupingModels };

/** The models the grouping service uses: the registry's, unless another source was installed. */
export function groupingModels(): GroupingModels {
  return holder.__regroupGroupingModels ?? registryGroupingModels();
}

/**
 * Installs another source of models for this process: tests use models whose vectors they control, so that
 * distances and thresholds can be checked exactly. Pass undefined to go back to the registry.
 */
export function useGroupingModels(models: GroupingModels | undefined): void {
  holder.__regroupGroupingModels = models;
}

/** The registry's models, embedded by the process's inference service (in-process ONNX or INFERENCE_URL). */
export function registryGroupingModels(): GroupingModels {
  return {
    get: (version) => {
      const entry = modelRegistry.get(version);
      return entry ? toGroupingModel(entry) : undefined;
    },
    stable: () => {
      const entry = modelRegistry.stable();
      if (!entry)
        throw new Error(`no stable model in MODELS_DIR: a models/<version>/config.json with status "stable" is needed`);
      return toGroupingModel(entry);
    },
    next: () => {
      const entry = modelRegistry.next();
      return entry ? toGroupingModel(entry) : undefined;
    },
    list: () => modelRegistry.list().map(toGroupingModel),
    embed: (version, texts) => getInferenceService().embed(version, texts),
  };
}
