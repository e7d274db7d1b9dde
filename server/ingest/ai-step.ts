import "server-only";
import type { SentryEvent } from "@/engine/event/schema";
import { eventExceptionType } from "@/engine/event/title";
import type { FingerprintResult } from "@/engine/fingerprinting";
import { buildEmbeddingText, checkAiEligibility } from "@/engine/embedding-text";
import type { DecisionInput } from "../grouping/decisions";
import { groupingModels } from "../grouping/default-models";
import { projectModel, shadowModelOf, type GroupingModels } from "../grouping/models";
import type { SimilarIssuesCallInput } from "../grouping/call";
import { groupingCall, type GroupingCallResult, type ShadowAnswer } from "../grouping/service";
import type { ThresholdOverride } from "../grouping/thresholds";
import { logger } from "../logger";
import type { ProjectGroupingFlags } from "./flags";

export type AiOutcome =
  | { kind: "ineligible"; reason: string; text: string | null }
  | {
      kind: "decided";
      text: string;
      modelRequested: string;
      modelUsed: string;
      /** The live call's decision row, written with the event (so an event that is not stored leaves none). */
      decision: DecisionInput | null;
      /** The nearest record within the threshold, when the model says the event belongs to its issue. */
      match: { hash: string; distance: number } | null;
    };

type AiStepFlags = ProjectGroupingFlags & { thresholdOverride?: ThresholdOverride | null };

/** The AI step's calls for one event: the project's model decides (live), the other one answers read-only (shadow). */
export type AiStepCalls =
  | { kind: "ineligible"; reason: string }
  | { kind: "calls"; text: string; live: SimilarIssuesCallInput; shadow: SimilarIssuesCallInput | null };

export function aiStepCalls(
  projectId: number,
  event: SentryEvent,
  fingerprint: FingerprintResult,
  flags: AiStepFlags,
  models: GroupingModels,
): AiStepCalls {
  const eligibility = checkAiEligibility(event, fingerprint);
  if (!eligibility.eligible) return { kind: "ineligible", reason: eligibility.reason };
  const text = buildEmbeddingText(event, fingerprint);
  const call = {
    projectId,
    stacktrace: text,
    hash: fingerprint.hashes[0]!,
    exceptionType: eventExceptionType(event),
    platform: event.platform ?? null,
  };
  const live = projectModel(models, flags.model);
  const shadowModel = shadowModelOf(models, live);
  return {
    kind: "calls",
    text,
    live: { ...call, model: live.version, skipFallback: flags.skipFallback },
    shadow: shadowModel ? { ...call, model: shadowModel.version, readOnly: true, skipFallback: true } : null,
  };
}

/** What the AI step decided, from its live call's answer and its shadow's. */
export function aiStepOutcome(
  calls: Extract<AiStepCalls, { kind: "calls" }>,
  live: GroupingCallResult,
  shadowAnswer: GroupingCallResult | undefined,
): AiOutcome {
  const shadow: ShadowAnswer | undefined =
    calls.shadow && shadowAnswer ? { model: calls.shadow.model, best: shadowAnswer.similarIssues[0] } : undefined;
  const decision = live.decision ? { ...live.decision, shadow } : null;
  const best = live.similarIssues[0];
  return {
    kind: "decided",
    text: calls.text,
    modelRequested: calls.live.model,
    modelUsed: live.modelUsed,
    decision,
    match: best?.shouldGroup ? { hash: best.parentHash, distance: best.distance } : null,
  };
}

/**
 * The AI fallback for an event no fingerprint matched: the project's model decides (with the next→stable fallback),
 * and the other model answers read-only on the same text (the shadow decision), so v1 and v2 compare on identical
 * traffic. A project's threshold override (its grouping settings) replaces the calibrated threshold of the model it
 * names. When the AI step fails (the model cannot run), the event is kept apart rather than lost.
 */
export async function runAiStep(
  projectId: number,
  event: SentryEvent,
  fingerprint: FingerprintResult,
  flags: AiStepFlags,
  allModels: GroupingModels = groupingModels(),
): Promise<AiOutcome> {
  // The shadow, the live call and its fallback embed the same text: each model embeds it once.
  const models = embeddingOnce(allModels);
  const calls = aiStepCalls(projectId, event, fingerprint, flags, models);
  if (calls.kind === "ineligible") return { kind: "ineligible", reason: calls.reason, text: null };
  const options = { thresholdOverride: flags.thresholdOverride };
  try {
    // The shadow runs beside the live call (their lookups share a batch): it adds nothing to the event's latency.
    // It cannot change the live answer: it is read-only, and the only record the live call may add is the event's
    // own hash, which every lookup excludes.
    const [live, shadow] = await Promise.all([
      groupingCall(calls.live, models, { ...options, deferDecision: true }),
      calls.shadow ? groupingCall(calls.shadow, models, { ...options, record: false }) : undefined,
    ]);
    return aiStepOutcome(calls, live, shadow);
  } catch (error) {
    logger.error("AI grouping step failed; the event starts an issue of its own", { projectId, error });
    return { kind: "ineligible", reason: `the AI step failed: ${(error as Error).message}`, text: calls.text };
  }
}

/** The training-mode call that indexes a known hash with the next model from this event, or null when ineligible. */
export function trainingCall(
  projectId: number,
  event: SentryEvent,
  fingerprint: FingerprintResult,
  hash: string,
  model: string,
): SimilarIssuesCallInput | null {
  if (!checkAiEligibility(event, fingerprint).eligible) return null;
  return {
    projectId,
    stacktrace: buildEmbeddingText(event, fingerprint),
    hash,
    exceptionType: eventExceptionType(event),
    platform: event.platform ?? null,
    model,
    trainingMode: true,
    skipFallback: true,
  };
}

/**
 * Sends one training-mode call so that the next model's index learns a hash it has not seen (v2 backfill). Returns
 * the call's decision for the event's transaction to record, or null when it was not sent or failed.
 */
export async function sendTrainingCall(
  projectId: number,
  event: SentryEvent,
  fingerprint: FingerprintResult,
  hash: string,
  model: string,
  models: GroupingModels = groupingModels(),
): Promise<DecisionInput | null> {
  const call = trainingCall(projectId, event, fingerprint, hash, model);
  if (!call) return null;
  try {
    return (await groupingCall(call, models, { deferDecision: true })).decision;
  } catch (error) {
    logger.warn("training-mode call failed", { projectId, error });
    return null;
  }
}

/** The same models, remembering each model's embedding of a text for the lifetime of the wrapper (one event). */
function embeddingOnce(models: GroupingModels): GroupingModels {
  const cache = new Map<string, Promise<number[][]>>();
  return {
    ...models,
    embed: (version, texts) => {
      const key = `${version}\u0000${texts.join("\u0001")}`;
      if (!cache.has(key)) cache.set(key, models.embed(version, texts));
      return cache.get(key)!;
    },
  };
}

/**
 * What an event's primary hash records of the AI step that decided it (Sentry's seer_* fields of a group hash): when it
 * was asked, which model was asked and which answered, the hash and distance it matched, and which model indexed it.
 */
export function primaryHashAudit(decided: Extract<AiOutcome, { kind: "decided" }>, sentAt: Date) {
  return {
    seerDateSent: sentAt,
    seerModelRequested: decided.modelRequested,
    seerModelUsed: decided.modelUsed,
    seerMatchedHash: decided.match?.hash ?? null,
    seerMatchDistance: decided.match?.distance ?? null,
    // A miss indexed the hash with the requested model (and with the stable one on fallback).
    latestTrainingModel: decided.match ? null : decided.modelRequested,
  };
}
