import "server-only";
import { logger } from "../logger";
import { getInferenceService, modelRegistry } from "./index";
import type { InferenceService } from "./service";

/**
 * Whether the models are loaded: "cold" until a warm-up starts (sessions then open on first use), "warming" while
 * it runs, "ready" once every model answered, "failed" when one could not (it loads again on its next use).
 */
export type ModelsReadiness = "cold" | "warming" | "ready" | "failed";

const holder = globalThis as typeof globalThis & { __regroupModelsReadiness?: ModelsReadiness };

/** The process's model readiness, for /api/health (kept on globalThis: the server script and the routes share it). */
export function modelsReadiness(): ModelsReadiness {
  return holder.__regroupModelsReadiness ?? "cold";
}

// Seer warms its model the same way: one short trace through the whole path (session, tokenizer, graph).
const WARM_UP_TEXT = 'IndexError: list index out of range\n  File "app.py", function handler\n    return items[0]';

/** The models a call can ask for: every registered one that is not retired. */
function servedVersions(): string[] {
  return modelRegistry
    .list()
    .filter((entry) => entry.status !== "retired")
    .map((entry) => entry.version);
}

/**
 * Opens every served model's session and runs it once, so that the first grouping call after a start (Sentry's
 * ingest call has a short timeout and a circuit breaker) does not pay for loading a model.
 */
export async function warmModels(
  service: InferenceService = getInferenceService(),
  versions: string[] = servedVersions(),
): Promise<ModelsReadiness> {
  holder.__regroupModelsReadiness = "warming";
  const started = performance.now();
  try {
    for (const version of versions) await service.embed(version, [WARM_UP_TEXT]);
    holder.__regroupModelsReadiness = "ready";
    logger.info(`models ready: ${versions.join(", ")} (${Math.round(performance.now() - started)} ms)`);
  } catch (error) {
    holder.__regroupModelsReadiness = "failed";
    logger.warn("could not warm the models; each loads on its first use instead", { error });
  }
  return holder.__regroupModelsReadiness;
}
