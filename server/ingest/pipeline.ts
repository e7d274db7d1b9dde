import "server-only";
import { randomUUID } from "node:crypto";
import { boundEvent } from "@/engine/event/bound";
import type { SentryEvent } from "@/engine/event/schema";
import { eventCulprit, eventTitle } from "@/engine/event/title";
import { fingerprintEvent } from "@/engine/fingerprinting";
import { db } from "../db";
import type { Prisma } from "../db/client";
import { recordDecision, type DecisionInput } from "../grouping/decisions";
import { groupingModels } from "../grouping/default-models";
import { trainingModelOf, type GroupingModels } from "../grouping/models";
import { primaryHashAudit, runAiStep, sendTrainingCall, type AiOutcome } from "./ai-step";
import { projectGroupingFlags } from "./flags";
import { projectGroupingSettings } from "./project-settings";
import { projectsById, projectsByKey } from "./project-cache";
import { knownGroupHash, placeEventInGroup } from "./group-placement";
import type { IngestProject, IngestResult } from "./types";

const PROJECT_FIELDS = { id: true, publicKey: true, platform: true } as const;
// An absent project is not cached: one created a moment later must be found (keys from requests cannot fill it).
const found = (project: IngestProject | null) => project !== null;

/** The project an SDK sends to, with its DSN key, or null (cached: see ingest-cache.ts). */
export async function findProjectForIngest(projectId: number): Promise<IngestProject | null> {
  const prisma = await db();
  return projectsById(prisma).get(
    projectId,
    () => prisma.project.findUnique({ where: { id: projectId }, select: PROJECT_FIELDS }),
    found,
  );
}

/** The project whose DSN public key this is (keys are unique), or null; for `/api/store/`, whose path names none. */
export async function findProjectForIngestByKey(publicKey: string): Promise<IngestProject | null> {
  const prisma = await db();
  return projectsByKey(prisma).get(
    publicKey,
    () => prisma.project.findUnique({ where: { publicKey }, select: PROJECT_FIELDS }),
    found,
  );
}

/** The event's id as Sentry stores it (32 lowercase hex digits), or a new one when the SDK sent none or a bad one. */
export function normaliseEventId(value: string | null | undefined): string {
  const hex = value?.replaceAll("-", "").toLowerCase();
  return hex && /^[0-9a-f]{32}$/.test(hex) ? hex : randomUUID().replaceAll("-", "");
}

function eventTime(event: SentryEvent, now: Date): Date {
  const raw = (event as { timestamp?: unknown }).timestamp;
  const date = typeof raw === "number" ? new Date(raw * 1000) : typeof raw === "string" ? new Date(raw) : now;
  // SDK clocks drift; an absurd timestamp would reorder the issue list, so fall back to the arrival time.
  return Number.isNaN(date.getTime()) || Math.abs(date.getTime() - now.getTime()) > 30 * 86_400_000 ? now : date;
}

/** An event made ready for grouping: bounded, with its id, platform, fingerprint and time (see `prepareEvent`). */
export interface PreparedEvent {
  project: IngestProject;
  stored: SentryEvent & { event_id: string; platform: string };
  eventId: string;
  platform: string;
  fingerprint: ReturnType<typeof fingerprintEvent>;
  /** Primary first; the event id when fingerprinting gave none. */
  hashes: string[];
  receivedAt: Date;
  now: Date;
  settings: Awaited<ReturnType<typeof projectGroupingSettings>>;
}

/**
 * What grouping reads of an event, computed once: bounded before anything reads it (limits in
 * engine/event/limits.ts; what is fingerprinted is what is stored, and what was trimmed is noted in the stored
 * payload's `errors`), its id normalised, fingerprinted by the project's own rules (its grouping settings, from the
 * ingest cache that a save invalidates).
 */
export async function prepareEvent(project: IngestProject, event: SentryEvent, now: Date): Promise<PreparedEvent> {
  const bounded = boundEvent(event).event;
  const eventId = normaliseEventId(bounded.event_id);
  const platform = bounded.platform || project.platform || "other";
  const stored = { ...bounded, event_id: eventId, platform };
  const settings = await projectGroupingSettings(project.id);
  const fingerprint = fingerprintEvent(stored, settings.fingerprint);
  const hashes = fingerprint.hashes.length ? fingerprint.hashes : [eventId];
  return { project, stored, eventId, platform, fingerprint, hashes, receivedAt: eventTime(stored, now), now, settings };
}

/**
 * One event through the pipeline of DESIGN.md ("Ingest"): fingerprint → a known hash means its issue; otherwise the
 * AI step (project's model, shadow of the other) merges it into the matched hash's issue or it starts a new one.
 * Everything the event changes is written in one transaction; the same event id twice is stored once.
 */
export async function ingestEvent(
  project: IngestProject,
  event: SentryEvent,
  options: { now?: Date; models?: GroupingModels } = {},
): Promise<IngestResult> {
  return ingestPrepared(await prepareEvent(project, event, options.now ?? new Date()), options.models);
}

/** The pipeline after `prepareEvent`: the AI step where no hash is known, then the one write transaction. */
export async function ingestPrepared(
  prepared: PreparedEvent,
  models: GroupingModels = groupingModels(),
): Promise<IngestResult> {
  const { project, stored, eventId, platform, fingerprint, hashes, receivedAt, now, settings } = prepared;
  const prisma = await db();

  // A first look without locks (and outside a transaction: each is one read): a hash known now stays known, so the AI
  // step is skipped; an unknown one is checked again under the hash locks when the event is written
  // (group-placement.ts). The flags come from the ingest cache.
  const [duplicate, known, flags] = await Promise.all([
    // findFirst, not findUnique: Prisma merges the findUniques of one tick into one OR query, which the embedded
    // database answers far slower than each lookup by the unique index alone (measured in the demo load).
    prisma.event.findFirst({
      where: { projectId: project.id, eventId },
      select: { groupId: true, groupingMethod: true },
    }),
    knownGroupHash(prisma, project.id, hashes),
    projectGroupingFlags(project.id),
  ]);
  if (duplicate) return { eventId, groupId: duplicate.groupId, duplicate: true, method: duplicate.groupingMethod };
  let ai: AiOutcome | null = null;
  let training: DecisionInput | null = null;
  if (known) {
    // A project on a next model backfills that model's index from live traffic, once per hash.
    const trainingModel = trainingModelOf(models, flags.model);
    if (trainingModel && known.latestTrainingModel !== trainingModel) {
      training = await sendTrainingCall(project.id, stored, fingerprint, known.hash, trainingModel, models);
    }
  } else {
    ai = await runAiStep(
      project.id,
      stored,
      fingerprint,
      { ...flags, thresholdOverride: settings.aiThreshold },
      models,
    );
  }

  try {
    return await writeEvent();
  } catch (error) {
    // The same event id raced in through another request (PostgreSQL, READ COMMITTED): it is stored once.
    if ((error as { code?: string }).code !== "P2002") throw error;
    const stored = await prisma.event.findUniqueOrThrow({
      where: { projectId_eventId: { projectId: project.id, eventId } },
    });
    return { eventId, groupId: stored.groupId, duplicate: true, method: stored.groupingMethod };
  }

  function writeEvent() {
    // No second duplicate check here: an event id stored meanwhile makes the event insert fail on its unique key,
    // which rolls back everything this transaction wrote, and the catch above answers it as the duplicate it is.
    return prisma.$transaction(async (tx) => {
      const decided = ai?.kind === "decided" ? ai : null;
      const primaryAudit = decided ? primaryHashAudit(decided, now) : undefined;
      // Another event may have created the issue while the AI step ran: its hash wins over the AI's answer.
      const { groupId, method } = await placeEventInGroup(tx, {
        projectId: project.id,
        hashes,
        aiMatchHash: decided?.match?.hash ?? null,
        newGroup: { title: eventTitle(stored), culprit: eventCulprit(stored), seenAt: receivedAt },
        primaryAudit,
      });
      if (training && known) {
        await tx.groupHash.update({ where: { id: known.id }, data: { latestTrainingModel: flags.model } });
        await recordDecision(tx, training);
      }
      const created = await tx.event.create({
        data: {
          eventId,
          projectId: project.id,
          groupId,
          platform,
          title: eventTitle(stored),
          payload: stored as unknown as Prisma.InputJsonValue,
          hashes,
          groupingMethod: method,
          embeddingText: ai?.kind === "decided" ? ai.text : (ai?.text ?? null),
          aiIneligibleReason: ai?.kind === "ineligible" ? ai.reason : null,
          receivedAt,
        },
      });
      // The decision is written here, with its event: an event that fails to be stored leaves no decision behind.
      if (decided?.decision) await recordDecision(tx, { ...decided.decision, eventId: created.id });
      return { eventId, groupId, duplicate: false, method };
    });
  }
}
