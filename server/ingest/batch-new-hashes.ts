import "server-only";
import { eventCulprit, eventTitle } from "@/engine/event/title";
import { db } from "../db";
import type { Prisma, Transaction } from "../db/client";
import { recordDecisions, type DecisionInput } from "../grouping/decisions";
import { trainingModelOf, type GroupingModels } from "../grouping/models";
import { groupingCallsInOrder, type OrderedCall } from "../grouping/ordered-calls";
import type { GroupingCallResult } from "../grouping/service";
import { logger } from "../logger";
import { projectKey } from "../projects/project-key";
import { aiStepCalls, aiStepOutcome, primaryHashAudit, trainingCall, type AiOutcome } from "./ai-step";
import { projectGroupingFlags } from "./flags";
import { addBump, bumpGroups, lockProjectHashes, type GroupBumps } from "./group-placement";
import { insertEvents } from "./insert-events";
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

/** What the batch knows of a hash before the run: its group hash row, when it is stored. */
export type KnownHashOf = (event: PreparedEvent, hash: string) => { latestTrainingModel: string | null } | undefined;

export async function ingestNewHashes(
  events: PreparedEvent[],
  knownHash: KnownHashOf,
  models: GroupingModels,
): Promise<Map<PreparedEvent, IngestResult>> {
  const calls = await runCalls(events, knownHash, models);
  const prisma = await db();
  return prisma.$transaction((tx) => writeRun(tx, events, calls));
}

/** A known hash indexed with the next model from an event's text (the v2 backfill), and that call's decision. */
interface Training {
  hash: string;
  model: string;
  decision: DecisionInput | null;
}

interface RunCalls {
  /** The AI step's outcome of each event that needed one: no hash of it known, nor brought by an earlier event. */
  outcomes: Map<PreparedEvent, AiOutcome>;
  /** The training call of each event whose known hash the project's next model has not indexed yet. */
  trainings: Map<PreparedEvent, Training>;
}

/** The run's grouping calls, answered together in the order of the events (grouping/ordered-calls.ts). */
async function runCalls(events: PreparedEvent[], knownHash: KnownHashOf, models: GroupingModels): Promise<RunCalls> {
  const outcomes = new Map<PreparedEvent, AiOutcome>();
  const trainings = new Map<PreparedEvent, Training>();
  const brought = new Set<string>();
  const trained = new Set<string>();
  const ordered: OrderedCall[] = [];
  /** Per event that calls: what to do with its answers, which start at its index in `ordered`. */
  const takers: { at: number; take: (answers: GroupingCallResult[]) => void }[] = [];
  for (const event of events) {
    const flags = await projectGroupingFlags(event.project.id);
    const thresholdOverride = event.settings.aiThreshold;
    // The hash the per-event pipeline would call known: the first one stored or brought by an earlier event.
    const first = event.hashes.find((hash) => knownHash(event, hash) || brought.has(hash));
    for (const hash of event.hashes) brought.add(hash);
    if (first !== undefined) {
      // A project on the next model backfills that model's index from live traffic, once per hash. (A hash an
      // earlier event of the run brought is backfilled by its next event after the run.)
      const row = knownHash(event, first);
      const nextModel = trainingModelOf(models, flags.model);
      if (!row || !nextModel || row.latestTrainingModel === nextModel) continue;
      if (trained.has(first)) continue;
      trained.add(first);
      const call = trainingCall(event.project.id, event.stored, event.fingerprint, first, nextModel);
      if (!call) continue;
      const at = ordered.push({ call }) - 1;
      takers.push({
        at,
        take: (answers) => trainings.set(event, { hash: first, model: nextModel, decision: answers[at]!.decision }),
      });
      continue;
    }
    const calls = aiStepCalls(
      event.project.id,
      event.stored,
      event.fingerprint,
      { ...flags, thresholdOverride },
      models,
    );
    if (calls.kind === "ineligible") {
      outcomes.set(event, { kind: "ineligible", reason: calls.reason, text: null });
      continue;
    }
    // The live call and its shadow side by side (the shadow is read-only and excludes the event's own hash, the only
    // record its live call may store, so their order does not matter).
    const at = ordered.push({ call: calls.live, thresholdOverride }) - 1;
    if (calls.shadow) ordered.push({ call: calls.shadow, thresholdOverride });
    takers.push({
      at,
      take: (answers) =>
        outcomes.set(event, aiStepOutcome(calls, answers[at]!, calls.shadow ? answers[at + 1] : undefined)),
    });
  }
  if (ordered.length) {
    const answers = await groupingCallsInOrder(ordered, models);
    for (const taker of takers) taker.take(answers);
  }
  return { outcomes, trainings };
}

async function writeRun(
  tx: Transaction,
  events: PreparedEvent[],
  { outcomes, trainings }: RunCalls,
): Promise<Map<PreparedEvent, IngestResult>> {
  const matchOf = (event: PreparedEvent) => {
    const ai = outcomes.get(event);
    return ai?.kind === "decided" ? (ai.match?.hash ?? null) : null;
  };
  const pairs = events.flatMap((event) =>
    [...event.hashes, matchOf(event)].flatMap((hash) => (hash ? [{ projectId: event.project.id, hash }] : [])),
  );
  await lockProjectHashes(tx, pairs);
  const rows = await tx.$queryRaw<{ projectId: number; hash: string; groupId: number }[]>`
    SELECT h.project_id AS "projectId", h.hash, h.group_id AS "groupId"
      FROM group_hashes h
      JOIN unnest(${pairs.map((pair) => pair.projectId)}::int[], ${pairs.map((pair) => pair.hash)}::text[])
           AS wanted(project_id, hash)
        ON h.project_id = wanted.project_id AND h.hash = wanted.hash`;
  const groupOf = new Map(rows.map((row) => [projectKey(row.projectId, row.hash), row.groupId]));

  // The events placed in order, as placeEventInGroup places them one by one.
  const newGroups: Prisma.GroupCreateManyInput[] = [];
  const newHashes: Prisma.GroupHashCreateManyInput[] = [];
  const bumps: GroupBumps = new Map();
  const placed: Placed[] = [];
  for (const event of events) {
    const projectId = event.project.id;
    const ai = outcomes.get(event) ?? null;
    const known = event.hashes.map((hash) => groupOf.get(projectKey(projectId, hash))).find((id) => id !== undefined);
    const match = matchOf(event);
    const parent = known === undefined && match ? groupOf.get(projectKey(projectId, match)) : undefined;
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
    for (const hash of event.hashes.filter((hash) => !groupOf.has(projectKey(projectId, hash)))) {
      groupOf.set(projectKey(projectId, hash), group);
      newHashes.push({
        projectId,
        hash,
        groupId: group,
        ...(hash === event.hashes[0] && decided ? primaryHashAudit(decided, event.now) : {}),
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
  const inserted = await insertEvents(
    tx,
    placed.map(({ event, ai, group, method }) => ({
      eventId: event.eventId,
      projectId: event.project.id,
      groupId: groupId(group),
      platform: event.platform,
      title: eventTitle(event.stored),
      payload: event.stored,
      hashes: event.hashes,
      groupingMethod: method,
      embeddingText: ai?.text ?? null,
      aiIneligibleReason: ai?.kind === "ineligible" ? ai.reason : null,
      receivedAt: event.receivedAt,
    })),
  );
  if (inserted.length !== placed.length) throw new BatchRaced("an event id of the run was stored meanwhile");
  const rowId = new Map(inserted.map((row) => [projectKey(row.projectId, row.eventId), row.id]));
  // A hash a training call indexed is marked so, once (the next event with it sends none).
  const trained = [...trainings.entries()].filter(([, training]) => training.decision);
  if (trained.length) {
    await tx.$executeRaw`
      UPDATE group_hashes SET latest_training_model = trained.model
        FROM unnest(${trained.map(([event]) => event.project.id)}::int[], ${trained.map(([, t]) => t.hash)}::text[],
                    ${trained.map(([, t]) => t.model)}::text[]) AS trained(project_id, hash, model)
       WHERE group_hashes.project_id = trained.project_id AND group_hashes.hash = trained.hash`;
  }
  // Each decision is written with its event, as in the per-event pipeline (a training call's has no event id there).
  await recordDecisions(tx, [
    ...trained.map(([, training]) => training.decision!),
    ...placed.flatMap(({ event, ai }) =>
      ai?.kind === "decided" && ai.decision
        ? [{ ...ai.decision, eventId: rowId.get(projectKey(event.project.id, event.eventId))! }]
        : [],
    ),
  ]);
  logger.debug("grouped a run of new hashes", { events: events.length, issuesCreated: newGroups.length });
  return new Map(
    placed.map(({ event, group, method }) => [
      event,
      { eventId: event.eventId, groupId: groupId(group), duplicate: false, method },
    ]),
  );
}
