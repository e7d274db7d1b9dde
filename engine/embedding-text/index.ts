import type { SentryEvent } from "@/engine/event/schema";
import type { FingerprintResult } from "@/engine/fingerprinting";
import { fingerprintEvent } from "@/engine/fingerprinting";
import type { AiEligibility } from "./eligibility";
import { aiEligibility, groupingVariantRoot } from "./eligibility";
import { stacktraceString } from "./stacktrace-string";

// The text the AI grouping step embeds: Sentry's `get_stacktrace_string` of the event's grouping
// tree (see stacktrace-string.ts), so a model sees the same text whether a Sentry sent it or
// regroup's ingest built it.

export type { AiEligibility } from "./eligibility";
export { DEFAULT_MAX_TOKENS, PLATFORMS_BYPASSING_FRAME_LIMIT, estimateTokens } from "./eligibility";
export {
  FULLY_MINIFIED_MAX_FRAME_COUNT,
  MAX_EXCEPTION_COUNT,
  MAX_FRAME_COUNT,
  isSnippedContextLine,
} from "./stacktrace-string";

/** The embedding text of an event (empty when no variant with a hash has anything to show). */
export function buildEmbeddingText(event: SentryEvent, result: FingerprintResult = fingerprintEvent(event)): string {
  const root = groupingVariantRoot(result);
  return root ? stacktraceString(root) : "";
}

/** Whether the AI grouping step may look at this event: Sentry's checks before it calls Seer, then the token budget. */
export function checkAiEligibility(
  event: SentryEvent,
  fingerprint: FingerprintResult,
  opts: { maxTokens?: number } = {},
): AiEligibility {
  return aiEligibility(event, fingerprint, buildEmbeddingText(event, fingerprint), opts);
}
