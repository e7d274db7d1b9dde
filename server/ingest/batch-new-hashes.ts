import "server-only";
import { eventCulprit, eventTitle } from "@/engine/event/title";
import { db } from "../db";
import type { Prisma, Transaction } from "../db/client";
import { recordDecisions } from "../grouping/decisions";
import type { GroupingModels } from "../grouping/models";
import { groupingCallsInOrder, type OrderedCall } from "../grouping/ordered-calls";
import { logger } from "../logger";
import { aiStepCalls, aiStepOutcome, type AiOutcome, type AiStepCalls } from "./ai-step";
import { projectGroupingFlags } from "./flags";
import { addBump, bumpGroups, lockProjectHashes, type GroupBumps } from "./group-placement";
import type { PreparedEvent } from "./pipeline";
import type { IngestResult } from "./types";

/**
 * The events of one project, in arrival order, that a batch could not write by a known hash alone: the first event
 * of a new hash (the AI step, then an issue it merges into or a new one) and the events after it. They are grouped as
 * the per-event pipeline would group them one after the other (ingestPrepared), with a handful of statements for the
 * whole run instead of some twenty per event:
 * - the AI step of every event that needs one (no hash of it known, in the table or from an earlier event of the run)
 *   as ordered grouping calls (grouping/ordered-calls.ts): each finds the records the events before it stored;
 * - one transaction that takes every hash lock (project, then key), reads every hash once under them, places the
 *   events in memory in order (a known hash's issue, else the AI's match, else a new issue), then writes: the new
 *   issues (ids drawn from their sequence in one statement), the bumps of existing ones, the new hashes, the events
 *   and the decisions, one statement each.
 * An event id stored meanwhile by another request rolls the run back (BatchRaced), and so does any failure: the
 * caller then groups the run's events one by one, as before, where each failure is the event's own.
 */
export class BatchRaced extends Error {}

interface Placed {
  event: PreparedEvent;
  ai: AiOutcome | null;
  /** The issue: an existing id, or −n for the n-th issue this run creates. */
  group: number;
  method: IngestResult["method"];
}

export async function ingestNewHashes(
  events: PreparedEvent[],
  isKnown: (event: PreparedEvent, hash: string) => boolean,
  models: GroupingModels,
): Promise<Map<PreparedEvent, IngestResult>> {
  const outcomes = await aiOutcomes(events, isKnown, models);
  const prisma = await db();
  return prisma.$transaction((tx) => writeRun(tx, events, outcomes));
}

/** The AI step's outcome of each event that needs one: no hash of it known, nor brought by an earlier event. */
async function aiOutcomes(
  events: PreparedEvent[],
  isKnown: (event: PreparedEvent, hash: string) => boolean,
  models: GroupingModels,
): Promise<Map<PreparedEvent, AiOutcome>> {
  const outcomes = new Map<PreparedEvent, AiOutcome>();
  const brought = new Set<string>();
  const asked: { event: PreparedEvent; calls: Extract<AiStepCalls, { kind: "calls" }> }[] = [];
  for (const event of events) {
    const needsAi = !event.hashes.some((hash) => isKnown(event, hash) || brought.has(hash));
    for (const hash of event.hashes) brought.add(hash);
    if (!needsAi) continue;
    const flags = await projectGroupingFlags(event.project.id);
    const calls = aiStepCalls(
      event.project.id,
      event.stored,
      event.fingerprint,
      { ...flags, thresholdOverride: event.settings.aiThreshold },
      models,
    );
    if (calls.kind === "ineligible") outcomes.set(event, { kind: "ineligible", reason: calls.reason, text: null });
    else asked.push({ event, calls });
  }
  if (!asked.length) return outcomes;
  // The live call and the shadow of each event, side by side in the order of the events (the shadow is read-only and
  // excludes the event's own hash, the only record its live call may store, so their order does not matter).
  const ordered: OrderedCall[] = asked.flatMap(({ event, calls }) => {
    const thresholdOverride = event.settings.aiThreshold;
    return calls.shadow
      ? [
          { call: calls.live, thresholdOverride },
          { call: calls.shadow, thresholdOverride },
        ]
      : [{ call: calls.live, thresholdOverride }];
  });
  const answers = await groupingCallsInOrder(ordered, models);
  let next = 0;
  for (const { event, calls } of asked) {
    const live = answers[next++]!;
    const shadow = calls.shadow ? answers[next++] : undefined;
    outcomes.set(event, aiStepOutcome(calls, live, shadow));
  }
  return outcomes;
}

async function writeRun(
  tx: Transaction,
  events: PreparedEvent[],
  outcomes: Map<PreparedEvent, AiOutcome>,
): Promise<Map<PreparedEvent, IngestResult>> {
  const matchOf = (event: PreparedEvent) => {
    const ai = outcomes.get(event);
    return ai?.kind === "decided" ? (ai.match?.hash ?? null) : null;
  };
  const pairs = events.flatMap((event) =>
    [...event.hashes, matchOf(event)].flatMap((hash) => (hash ? [{ projectId: event.project.id, hash }] : [])),
  );
  await lockProjectHashes(tx, pairs);
  const keyOf = (projectId: number, hash: string) => `${projectId}\u0000${hash}`;
  const rows = await tx.$queryRaw<{ projectId: number; hash: string; groupId: number }[]>`
    SELECT h.project_id AS "projectId", h.hash, h.group_id AS "groupId"
      FROM group_hashes h
      JOIN unnest(${pairs.map((pair) => pair.projectId)}::int[], ${pairs.map((pair) => pair.hash)}::text[])
           AS wanted(project_id, hash)
        ON h.project_id = wanted.project_id AND h.hash = wanted.hash`;
  const groupOf = new Map(rows.map((row) => [keyOf(row.projectId, row.hash), row.groupId]));

  // The events placed in order, as placeEventInGroup places them one by one.
  const newGroups: Prisma.GroupCreateManyInput[] = [];
  const newHashes: Prisma.GroupHashCreateManyInput[] = [];
  const bumps: GroupBumps = new Map();
  const placed: Placed[] = [];
  for (const event of events) {
    const projectId = event.project.id;
    const ai = outcomes.get(event) ?? null;
    const known = event.hashes.map((hash) => groupOf.get(keyOf(projectId, hash))).find((id) => id !== undefined);
    const match = matchOf(event);
    const parent = known === undefined && match ? groupOf.get(keyOf(projectId, match)) : undefined;
    let group = known ?? parent;
    const method: IngestResult["method"] = known !== undefined ? "fingerprint" : parent !== undefined ? "ai" : "new";
    if (group === undefined) {
      newGroups.push({
        projectId,
        title: eventTitle(event.stored),
        culprit: eventCulprit(event.stored),
        firstSeen: event.receivedAt,
        lastSeen: event.receivedAt,
        timesSeen: 0,
      });
      group = -newGroups.length;
    }
    if (group < 0) {
      const created = newGroups[-group - 1]!;
      created.timesSeen = (created.timesSeen ?? 0) + 1;
      if (event.receivedAt > (created.lastSeen as Date)) created.lastSeen = event.receivedAt;
    } else addBump(bumps, group, event.receivedAt);
    const decided = ai?.kind === "decided" ? ai : null;
    for (const hash of event.hashes.filter((hash) => !groupOf.has(keyOf(projectId, hash)))) {
      groupOf.set(keyOf(projectId, hash), group);
      newHashes.push({
        projectId,
        hash,
        groupId: group,
        ...(hash === event.hashes[0] && decided
          ? {
              seerDateSent: event.now,
              seerModelRequested: decided.modelRequested,
              seerModelUsed: decided.modelUsed,
              seerMatchedHash: decided.match?.hash ?? null,
              seerMatchDistance: decided.match?.distance ?? null,
              // A miss indexed the hash with the requested model (and with the stable one on fallback).
              latestTrainingModel: decided.match ? null : decided.modelRequested,
            }
          : {}),
      });
    }
    placed.push({ event, ai, group, method });
  }

  const ids = newGroups.length
    ? (
        await tx.$queryRaw<{ id: number }[]>`
          SELECT nextval(pg_get_serial_sequence('groups', 'id'))::int AS id FROM generate_series(1, ${newGroups.length})`
      ).map((row) => row.id)
    : [];
  const groupId = (group: number) => (group < 0 ? ids[-group - 1]! : group);
  if (newGroups.length) await tx.group.createMany({ data: newGroups.map((group, i) => ({ ...group, id: ids[i] })) });
  await bumpGroups(tx, bumps);
  if (newHashes.length) {
    await tx.groupHash.createMany({ data: newHashes.map((hash) => ({ ...hash, groupId: groupId(hash.groupId) })) });
  }
  const inserted = await tx.event.createManyAndReturn({
    skipDuplicates: true,
    select: { id: true, eventId: true, projectId: true },
    data: placed.map(({ event, ai, group, method }) => ({
      eventId: event.eventId,
      projectId: event.project.id,
      groupId: groupId(group),
      platform: event.platform,
      title: eventTitle(event.stored),
      payload: event.stored as unknown as Prisma.InputJsonValue,
      hashes: event.hashes,
      groupingMethod: method,
      embeddingText: ai?.text ?? null,
      aiIneligibleReason: ai?.kind === "ineligible" ? ai.reason : null,
      receivedAt: event.receivedAt,
    })),
  });
  if (inserted.length !== placed.length) throw new BatchRaced("an event id of the run was stored meanwhile");
  const rowId = new Map(inserted.map((row) => [keyOf(row.projectId, row.eventId), row.id]));
  // The decision is written with its event, as in the per-event pipeline.
  await recordDecisions(
    tx,
    placed.flatMap(({ event, ai }) =>
      ai?.kind === "decided" && ai.decision
        ? [{ ...ai.decision, eventId: rowId.get(keyOf(event.project.id, event.eventId))! }]
        : [],
    ),
  );
  logger.debug("grouped a run of new hashes", { events: events.length, issuesCreated: newGroups.length });
  return new Map(
    placed.map(({ event, group, method }) => [
      event,
      { eventId: event.eventId, groupId: groupId(group), duplicate: false, method },
    ]),
  );
}
