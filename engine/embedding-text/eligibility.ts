import type { SentryEvent } from "@/engine/event/schema";
import type { FingerprintResult, GroupingComponent } from "@/engine/fingerprinting";
import { MAX_FRAME_COUNT } from "./stacktrace-string";

// Whether the AI step may look at an event, by the checks Sentry makes before it calls Seer
// (`should_call_seer_for_grouping`), so that regroup's own ingest sends the events a Sentry would.

export const DEFAULT_MAX_TOKENS = 8192;

// Platforms whose projects Sentry backfilled before it started to refuse long stacks; it never
// applies the frame limit to them (`EVENT_PLATFORMS_BYPASSING_FRAME_COUNT_CHECK`).
export const PLATFORMS_BYPASSING_FRAME_LIMIT = new Set(["go", "javascript", "node", "php", "python", "ruby"]);

export type AiEligibility = { eligible: true } | { eligible: false; reason: string };

/** The variant Sentry embeds: `app` when it has a hash, else `system` when it has one. */
export function groupingVariantRoot(fingerprint: FingerprintResult): GroupingComponent | null {
  const { app, system } = fingerprint.variants;
  if (app?.hash) return app.component;
  if (system?.hash) return system.component;
  return null;
}

// Sentry's `event_content_has_stacktrace`: frames on the last exception, the last thread, or the event.
function hasStacktrace(event: SentryEvent): boolean {
  const lastException = event.exception?.values?.at(-1);
  const lastThread = event.threads?.values?.at(-1);
  return [lastException?.stacktrace, lastThread?.stacktrace, event.stacktrace].some(
    (s) => (s?.frames?.length ?? 0) > 0,
  );
}

// Sentry's `_has_customized_fingerprint`: a hybrid fingerprint from the SDK, or a fingerprint from
// the SDK, a project rule or a built-in rule, decides the group without Seer.
function customFingerprint(event: SentryEvent, fingerprint: FingerprintResult): boolean {
  const sent = (event.fingerprint ?? []).filter((v): v is string => typeof v === "string");
  if (sent.some((v) => /^\{\{\s*default\s*\}\}$/.test(v)) && sent.length > 1) return true;
  return Object.values(fingerprint.variants).some(
    (v) => v.type === "custom-fingerprint" || v.type === "built-in-fingerprint" || v.type === "salted-component",
  );
}

/** Contributing frames of the grouping variant (Sentry's `has_too_many_contributing_frames` counts these). */
export function contributingFrameCount(root: GroupingComponent): number {
  let count = 0;
  const visit = (c: GroupingComponent): void => {
    for (const v of c.values) {
      if (typeof v === "string" || !v.contributes) continue;
      if (v.id === "frame") count++;
      else visit(v);
    }
  };
  visit(root);
  return count;
}

/** Rough token count (~4 characters per token for code-like text), enough for a budget check. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** Whether the AI step may look at this event, given its embedding text (Sentry's checks, then the model's token budget). */
export function aiEligibility(
  event: SentryEvent,
  fingerprint: FingerprintResult,
  text: string,
  opts: { maxTokens?: number } = {},
): AiEligibility {
  if (!hasStacktrace(event)) return { eligible: false, reason: "event has no stacktrace" };
  if (!event.platform || event.platform === "other") return { eligible: false, reason: "platform is not supported" };
  if (
    Object.values(fingerprint.variants).some((v) => v.type.includes("checksum")) ||
    customFingerprint(event, fingerprint)
  ) {
    return { eligible: false, reason: "event has a custom fingerprint" };
  }
  const root = groupingVariantRoot(fingerprint);
  if (root && !PLATFORMS_BYPASSING_FRAME_LIMIT.has(event.platform)) {
    const frames = contributingFrameCount(root);
    if (frames > MAX_FRAME_COUNT) {
      return {
        eligible: false,
        reason: `${frames} contributing frames (limit ${MAX_FRAME_COUNT} on ${event.platform})`,
      };
    }
  }
  if (!text) return { eligible: false, reason: "no stacktrace frame contributes to grouping" };
  const maxTokens = opts.maxTokens ?? DEFAULT_MAX_TOKENS;
  const tokens = estimateTokens(text);
  if (tokens > maxTokens)
    return { eligible: false, reason: `embedding text has ~${tokens} tokens (limit ${maxTokens})` };
  return { eligible: true };
}
