import "server-only";
import type { Env } from "../env";
import { builtinLabeler } from "./builtin-labeler";
import type { Labeler } from "./labeler";
import { LlmLabeler } from "./llm-labeler";

export const labelerKinds = ["builtin", "llm"] as const;
export type LabelerKind = (typeof labelerKinds)[number];

export class LabelerConfigError extends Error {
  override readonly name = "LabelerConfigError";
}

/** The labeler of this kind as configured: the built-in one, or the LLM at LABELER_LLM_URL / LABELER_LLM_MODEL. */
export function configuredLabeler(kind: LabelerKind, config: Env): Labeler {
  if (kind === "builtin") return builtinLabeler;
  if (!config.LABELER_LLM_URL || !config.LABELER_LLM_MODEL) {
    throw new LabelerConfigError(
      "The LLM labeler needs LABELER_LLM_URL (an OpenAI-compatible API's base URL, …/v1) and LABELER_LLM_MODEL.",
    );
  }
  return new LlmLabeler({
    url: config.LABELER_LLM_URL,
    model: config.LABELER_LLM_MODEL,
    apiKey: config.LABELER_LLM_API_KEY,
    timeoutMs: config.LABELER_LLM_TIMEOUT_MS,
  });
}
