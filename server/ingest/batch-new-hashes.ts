import "server-only";
import { eventCulprit, eventTitle } from "@/engine/event/title";
import { db } from "../db";
import type { Transaction } from "../db/client";
import type { DecisionInput } from "../grouping/decisions";
import { trainingModelOf, type GroupingModels } from "../grouping/models";
import { groupingCallsInOrder, type OrderedCall } from "../grouping/ordered-calls";
import type { GroupingCallResult } from "../grouping/service";
import { logger } from "../logger";
import { projectKey } from "../projects/project-key";
import { aiStepCalls, aiStepOutcome, primaryHashAudit, trainingCall, type AiOutcome } from "./ai-step";
import { projectGroupingFlags } from "./flags";
import { addBump, lockProjectHashes } from "./group-placement";
import type { PreparedEvent } from "./pipeline";
import type { IngestResult } from "./types";
import { writeRun, type RunWrites } from "./write-run";

/**
 * The events of one project, in arrival order, that a batch could not write by a known hash alone: the first event
 * of a new hash (the AI step, then an issue it merges into or a new one) and the events after it. They are grouped as
 * the per-event pipeline would group them one after the other (ingestPrepared), with a handful of statements for the
 * whole run instead of some twenty per event:
 * - the AI step of every event that needs one (no hash of it known, in the table or from an earlier event of the run)
 *   as ordered grouping calls (grouping/ordered-calls.ts): each finds the records the events before it stored;
 * - one transaction that takes every hash lock (project, then key), reads every hash once under them, places the
 *   events in memory in order (a known hash's issue, else the AI's match, else a new issue), then writes the new
 *   issues, the bumps of existing ones, the new hashes, the events, the training marks and the decisions with one
 *   statement (write-run.ts): three statements under the locks in all.
 * An event id stored meanwhile by another request rolls the run back (BatchRaced), and so does any failure: the
 * caller then groups the run's events one by one, as before, where each failure is the event's own.
 */
export class BatchRaced extends Error {}

interface Placed {
  event: PreparedEvent;
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
  return prisma.$transaction((tx) => placeAndWrite(tx, events, calls));
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

async function placeAndWrite(
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
  const writes: RunWrites = { newGroups: [], bumps: new Map(), newHashes: [], events: [], trained: [], decisions: [] };
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
      writes.newGroups.push({
        projectId,
        title: eventTitle(event.stored),
        culprit: eventCulprit(event.stored),
        seenFirst: event.receivedAt,
        seenLast: event.receivedAt,
        seen: 0,
      });
      group = -writes.newGroups.length;
    }
    if (group < 0) {
      const created = writes.newGroups[-group - 1]!;
      created.seen += 1;
      if (event.receivedAt > created.seenLast) created.seenLast = event.receivedAt;
    } else addBump(writes.bumps, group, event.receivedAt);
    const decided = ai?.kind === "decided" ? ai : null;
    for (const hash of event.hashes.filter((hash) => !groupOf.has(projectKey(projectId, hash)))) {
      groupOf.set(projectKey(projectId, hash), group);
      const audit = hash === event.hashes[0] && decided ? primaryHashAudit(decided, event.now) : undefined;
      writes.newHashes.push({ projectId, hash, group, audit });
    }
    writes.events.push({
      eventId: event.eventId,
      projectId,
      group,
      platform: event.platform,
      title: eventTitle(event.stored),
      payload: event.stored,
      hashes: event.hashes,
      groupingMethod: method,
      embeddingText: ai?.text ?? null,
      aiIneligibleReason: ai?.kind === "ineligible" ? ai.reason : null,
      receivedAt: event.receivedAt,
    });
    // Each decision is written with its event, as in the per-event pipeline.
    if (decided?.decision) writes.decisions.push({ decision: decided.decision, eventId: event.eventId });
    placed.push({ event, group, method });
  }
  // A hash a training call indexed is marked so, once (the next event with it sends none); a training call's
  // decision has no event, as in the per-event pipeline.
  const trained = [...trainings].filter(([, training]) => training.decision);
  for (const [event, training] of trained) {
    writes.trained.push({ projectId: event.project.id, hash: training.hash, model: training.model });
  }
  writes.decisions.unshift(...trained.map(([, training]) => ({ decision: training.decision!, eventId: null })));

  const { groupIds, eventsInserted } = await writeRun(tx, writes);
  if (eventsInserted !== placed.length) throw new BatchRaced("an event id of the run was stored meanwhile");
  const groupId = (group: number) => (group < 0 ? groupIds[-group - 1]! : group);
  logger.debug("grouped a run of new hashes", { events: events.length, issuesCreated: groupIds.length });
  return new Map(
    placed.map(({ event, group, method }) => [
      event,
      { eventId: event.eventId, groupId: groupId(group), duplicate: false, method },
    ]),
  );
}
