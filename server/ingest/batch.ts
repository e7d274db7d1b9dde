import "server-only";
import type { Prisma } from "../db/client";
import { db } from "../db";
import { groupingModels } from "../grouping/default-models";
import { trainingModelOf, type GroupingModels } from "../grouping/models";
import { projectGroupingFlags } from "./flags";
import { withPrefetchedEmbeddings } from "./prefetched-embeddings";
import { lockProjectHashes } from "./group-placement";
import { ingestNewHashes } from "./batch-new-hashes";
import { knownEvent, writeKnownEvents } from "./write-known";
import { logger } from "../logger";
import { projectKey } from "../projects/project-key";
import { ingestPrepared, type PreparedEvent } from "./pipeline";
import type { IngestResult } from "./types";

/**
 * A batch of events through the pipeline with a handful of statements instead of a dozen per event. Events whose
 * hashes are all known already (most of the traffic: an issue that happens again) are written together: one read
 * of the duplicates, one of the hashes, then one transaction that locks the hashes, reads them again, inserts all
 * the events and bumps each issue once. The rest of a project's events (a hash not seen yet: the AI step, a new
 * issue; or a hash the project's next model still has to index: a training call) are grouped as ordered runs of at
 * most RUN_SIZE events, each with a handful of statements (batch-new-hashes.ts), so that the first event of a new
 * issue creates it and the next ones find it. Their embeddings are computed together first (prefetched-embeddings.ts).
 *
 * The semantics are the per-event pipeline's: the same event id twice is stored once (in the batch or in the
 * table), and an event joins the issue of its first known hash, read under the same hash locks the per-event writes
 * and merges take (group-placement.ts).
 */
export async function ingestBatch(
  batch: PreparedEvent[],
  models: GroupingModels = groupingModels(),
): Promise<IngestResult[]> {
  const results = new Map<PreparedEvent, IngestResult>();
  const stored = await storedEvents(batch);
  const seen = new Set<string>();
  const fresh: PreparedEvent[] = [];
  for (const event of batch) {
    const key = projectKey(event.project.id, event.eventId);
    const earlier = stored.get(key);
    if (earlier) results.set(event, { eventId: event.eventId, ...earlier, duplicate: true });
    else if (!seen.has(key)) fresh.push(event);
    seen.add(key);
  }

  const known = await knownHashes(fresh);
  const knownHash = knownHashOf(known);
  const fast: PreparedEvent[] = [];
  const slow: PreparedEvent[] = [];
  for (const event of fresh) {
    const rows = event.hashes.map((hash) => knownHash(event, hash));
    // A project on a next model backfills that model's index from a known hash's next event (a training call).
    const firstKnown = rows.find((row) => row !== undefined);
    const trainingModel = firstKnown && trainingModelOf(models, (await projectGroupingFlags(event.project.id)).model);
    const needsTraining = trainingModel !== undefined && firstKnown?.latestTrainingModel !== trainingModel;
    (rows.every((row) => row !== undefined) && !needsTraining ? fast : slow).push(event);
  }
  for (const [event, result] of await writeKnown(fast, models)) results.set(event, result);
  // Projects share no hashes and no index: each project's run of events is grouped on its own (batch-new-hashes.ts),
  // the projects side by side.
  const embedding = await withPrefetchedEmbeddings(models, slow);
  const byProject = new Map<number, PreparedEvent[]>();
  for (const event of slow) byProject.set(event.project.id, [...(byProject.get(event.project.id) ?? []), event]);
  await Promise.all(
    [...byProject.values()].map(async (events) => {
      for (let start = 0; start < events.length; start += RUN_SIZE) {
        const run = events.slice(start, start + RUN_SIZE);
        // What the runs before it stored is read again: an event whose hash one of them brought is then known.
        const knownHashNow = start === 0 ? knownHash : knownHashOf(await knownHashes(run));
        try {
          for (const [event, result] of await ingestNewHashes(run, knownHashNow, embedding)) results.set(event, result);
        } catch (error) {
          // Grouped one by one instead, where each failure (or each race with another request) is the event's own.
          logger.warn("a run of new hashes failed as a whole; grouping its events one by one", {
            events: run.length,
            error,
          });
          for (const event of run) results.set(event, await ingestPrepared(event, embedding));
        }
      }
    }),
  );

  // A repeat within the batch is answered as the stored copy is.
  return batch.map((event) => {
    const result = results.get(event);
    if (result) return result;
    const first = batch.find((other) => results.has(other) && sameEvent(other, event))!;
    return { ...results.get(first)!, duplicate: true };
  });
}

/**
 * The most events of a project grouped as one run of new hashes (batch-new-hashes.ts); a project's longer run is
 * grouped as several, one after the other. A run's write is one statement, and while it runs the embedded
 * database's one session answers no one else: the SDK requests that write to the inbox wait for it.
 */
const RUN_SIZE = 64;

const sameEvent = (a: PreparedEvent, b: PreparedEvent) => a.project.id === b.project.id && a.eventId === b.eventId;

/** The events of this batch that are stored already, by project and event id. */
async function storedEvents(batch: PreparedEvent[], client?: Prisma.TransactionClient) {
  const reader = client ?? (await db());
  const rows = batch.length
    ? await reader.$queryRaw<{ projectId: number; eventId: string; groupId: number; method: IngestResult["method"] }[]>`
        SELECT e.project_id AS "projectId", e.event_id AS "eventId", e.group_id AS "groupId",
               e.grouping_method::text AS method
          FROM events e
          JOIN unnest(${batch.map((event) => event.project.id)}::int[], ${batch.map((event) => event.eventId)}::text[])
               AS wanted(project_id, event_id)
            ON e.project_id = wanted.project_id AND e.event_id = wanted.event_id`
    : [];
  return new Map(
    rows.map((row) => [projectKey(row.projectId, row.eventId), { groupId: row.groupId, method: row.method }]),
  );
}

interface KnownHash {
  groupId: number;
  latestTrainingModel: string | null;
}

/** A lookup of an event's hash in what knownHashes read. */
const knownHashOf = (known: Map<string, KnownHash>) => (event: PreparedEvent, hash: string) =>
  known.get(projectKey(event.project.id, hash));

/** The group hash rows of these events' hashes, by project and hash (one statement). */
async function knownHashes(events: PreparedEvent[], client?: Prisma.TransactionClient) {
  const pairs = events.flatMap((event) => event.hashes.map((hash) => ({ projectId: event.project.id, hash })));
  const reader = client ?? (await db());
  const rows = pairs.length
    ? await reader.$queryRaw<(KnownHash & { projectId: number; hash: string })[]>`
        SELECT h.project_id AS "projectId", h.hash, h.group_id AS "groupId",
               h.latest_training_model AS "latestTrainingModel"
          FROM group_hashes h
          JOIN unnest(${pairs.map((pair) => pair.projectId)}::int[], ${pairs.map((pair) => pair.hash)}::text[])
               AS wanted(project_id, hash)
            ON h.project_id = wanted.project_id AND h.hash = wanted.hash`
    : [];
  return new Map<string, KnownHash>(rows.map((row) => [projectKey(row.projectId, row.hash), row]));
}

/**
 * Writes the events whose hashes are all known in one transaction: the hash locks of all of them (in the one global
 * order, project then key, so that no two writers deadlock), then one statement (write-known.ts) that reads the
 * hashes again under them (a merge may have moved one since), inserts every event in its issue and bumps every issue
 * once. An event whose hash went away meanwhile (its project was deleted) takes the per-event path.
 */
async function writeKnown(events: PreparedEvent[], models: GroupingModels): Promise<Map<PreparedEvent, IngestResult>> {
  const results = new Map<PreparedEvent, IngestResult>();
  if (!events.length) return results;
  const prisma = await db();
  const leftOver: PreparedEvent[] = [];
  await prisma.$transaction(async (tx) => {
    await lockProjectHashes(
      tx,
      events.flatMap((event) => event.hashes.map((hash) => ({ projectId: event.project.id, hash }))),
    );
    const written = await writeKnownEvents(tx, events.map(knownEvent));
    const raced: PreparedEvent[] = [];
    events.forEach((event, index) => {
      const groupId = written.groupIds[index];
      if (groupId === null || groupId === undefined) leftOver.push(event);
      else if (written.inserted[index])
        results.set(event, { eventId: event.eventId, groupId, duplicate: false, method: "fingerprint" });
      else raced.push(event);
    });
    // An event id that another request stored since the first look was skipped, and is answered as a duplicate.
    for (const [key, earlier] of await storedEvents(raced, tx)) {
      const event = raced.find((item) => projectKey(item.project.id, item.eventId) === key)!;
      results.set(event, { eventId: event.eventId, ...earlier, duplicate: true });
    }
    leftOver.push(...raced.filter((event) => !results.has(event)));
  });
  for (const event of leftOver) results.set(event, await ingestPrepared(event, models));
  return results;
}
