import "server-only";
import { randomUUID } from "node:crypto";
import { boundEvent } from "@/lib/event/bound";
import type { SentryEvent } from "@/lib/event/schema";
import { eventCulprit, eventTitle } from "@/lib/event/title";
import { fingerprintEvent } from "@/lib/fingerprinting";
import { db } from "../db";
import type { Prisma, Transaction } from "../db/client";
import { groupingModels } from "../grouping/default-models";
import type { GroupingModels } from "../grouping/models";
import { runAiStep, sendTrainingCall, type AiOutcome } from "./ai-step";
import { projectGroupingFlags } from "./flags";

export interface IngestProject {
  id: number;
  publicKey: string;
  platform: string;
}

export interface IngestResult {
  eventId: string;
  groupId: number;
  duplicate: boolean;
  method: "fingerprint" | "ai" | "new";
}

/** The project an SDK sends to, with its DSN key, or null. */
export async function findProjectForIngest(projectId: number): Promise<IngestProject | null> {
  const prisma = await db();
  return prisma.project.findUnique({ where: { id: projectId }, select: { id: true, publicKey: true, platform: true } });
}

function normaliseEventId(value: string | null | undefined): string {
  const hex = value?.replaceAll("-", "").toLowerCase();
  return hex && /^[0-9a-f]{32}$/.test(hex) ? hex : randomUUID().replaceAll("-", "");
}

function eventTime(event: SentryEvent, now: Date): Date {
  const raw = (event as { timestamp?: unknown }).timestamp;
  const date = typeof raw === "number" ? new Date(raw * 1000) : typeof raw === "string" ? new Date(raw) : now;
  // SDK clocks drift; an absurd timestamp would reorder the issue list, so fall back to the arrival time.
  return Number.isNaN(date.getTime()) || Math.abs(date.getTime() - now.getTime()) > 30 * 86_400_000 ? now : date;
}

async function knownGroup(tx: Transaction, projectId: number, hashes: string[]) {
  const rows = await tx.groupHash.findMany({ where: { projectId, hash: { in: hashes } } });
  // The first hash of the event (its primary variant) wins when several are known.
  return hashes.map((hash) => rows.find((row) => row.hash === hash)).find((row) => row !== undefined) ?? null;
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
  const now = options.now ?? new Date();
  const models = options.models ?? groupingModels();
  const prisma = await db();
  // Bounded before anything reads it (limits in lib/event/limits.ts): what is fingerprinted is what
  // is stored, and what was trimmed is noted in the stored payload's `errors`.
  const bounded = boundEvent(event).event;
  const eventId = normaliseEventId(bounded.event_id);
  const platform = bounded.platform || project.platform || "other";
  const stored = { ...bounded, event_id: eventId, platform };
  const fingerprint = fingerprintEvent(stored);
  const hashes = fingerprint.hashes.length ? fingerprint.hashes : [eventId];
  const receivedAt = eventTime(stored, now);

  const duplicate = await prisma.event.findUnique({
    where: { projectId_eventId: { projectId: project.id, eventId } },
    select: { groupId: true, groupingMethod: true },
  });
  if (duplicate) return { eventId, groupId: duplicate.groupId, duplicate: true, method: duplicate.groupingMethod };

  const flags = await projectGroupingFlags(project.id);
  const known = await prisma.$transaction((tx) => knownGroup(tx, project.id, hashes));
  let ai: AiOutcome | null = null;
  let trained = false;
  if (known) {
    // A project on the next model backfills that model's index from live traffic, once per hash.
    const next = models.next();
    if (next && flags.model === next.version && known.latestTrainingModel !== next.version) {
      trained = await sendTrainingCall(project.id, stored, fingerprint, known.hash, next.version, models);
    }
  } else {
    ai = await runAiStep(project.id, stored, fingerprint, flags, models);
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
    return prisma.$transaction(async (tx) => {
      const again = await tx.event.findUnique({
        where: { projectId_eventId: { projectId: project.id, eventId } },
        select: { groupId: true, groupingMethod: true },
      });
      if (again) return { eventId, groupId: again.groupId, duplicate: true, method: again.groupingMethod };

      // Another event may have created the issue while the AI step ran: its hash wins over the AI's answer.
      const existing = known ?? (await knownGroup(tx, project.id, hashes));
      const decided = ai?.kind === "decided" ? ai : null;
      const parent =
        !existing && decided?.match
          ? await tx.groupHash.findUnique({
              where: { projectId_hash: { projectId: project.id, hash: decided.match.hash } },
            })
          : null;
      const method: IngestResult["method"] = existing ? "fingerprint" : parent ? "ai" : "new";

      let groupId: number;
      if (existing || parent) {
        groupId = (existing ?? parent)!.groupId;
        const group = await tx.group.findUniqueOrThrow({ where: { id: groupId }, select: { lastSeen: true } });
        await tx.group.update({
          where: { id: groupId },
          data: { timesSeen: { increment: 1 }, lastSeen: receivedAt > group.lastSeen ? receivedAt : group.lastSeen },
        });
      } else {
        const group = await tx.group.create({
          data: {
            projectId: project.id,
            title: eventTitle(stored),
            culprit: eventCulprit(stored),
            firstSeen: receivedAt,
            lastSeen: receivedAt,
            timesSeen: 1,
          },
        });
        groupId = group.id;
      }

      const primary = hashes[0]!;
      const seerAudit = decided
        ? {
            seerDateSent: now,
            seerModelRequested: decided.modelRequested,
            seerModelUsed: decided.modelUsed,
            seerMatchedHash: decided.match?.hash ?? null,
            seerMatchDistance: decided.match?.distance ?? null,
            // A miss indexed the hash with the requested model (and with the stable one on fallback).
            latestTrainingModel: decided.match ? null : decided.modelRequested,
          }
        : {};
      await tx.groupHash.createMany({
        data: hashes.map((hash) => ({ projectId: project.id, hash, groupId, ...(hash === primary ? seerAudit : {}) })),
        skipDuplicates: true,
      });
      if (trained && existing) {
        await tx.groupHash.update({ where: { id: existing.id }, data: { latestTrainingModel: flags.model } });
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
      if (decided?.decisionId) {
        await tx.groupingDecision.update({ where: { id: decided.decisionId }, data: { eventId: created.id } });
      }
      return { eventId, groupId, duplicate: false, method };
    });
  }
}
