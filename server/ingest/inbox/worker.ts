import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import type { SentryEvent } from "@/engine/event/schema";
import { db, getDatabase } from "../../db";
import { isTransientDatabaseError } from "../../db/transient-errors";
import { groupingModels } from "../../grouping/default-models";
import type { GroupingModels } from "../../grouping/models";
import { logger } from "../../logger";
import { ingestBatch } from "../batch";
import { findProjectForIngest, ingestPrepared, prepareEvent, type PreparedEvent } from "../pipeline";
import { onInboxWake } from "./signal";
import { giveWayIfDue } from "../../threads/time-slices";

/**
 * The inbox worker: takes the oldest accepted events in batches (FOR UPDATE SKIP LOCKED, so several workers on one
 * PostgreSQL never take the same rows), groups each batch (batch.ts) and deletes its rows. A row is deleted only
 * after its event is stored, and storing is idempotent (the same event id is stored once), so a process that dies
 * mid-batch loses nothing: its rows are taken again — at once when this process starts on the embedded database
 * (no other process can hold them), after `staleAfterMs` on a shared PostgreSQL.
 */
export interface InboxWorkerOptions {
  batchSize?: number;
  /** How often an idle worker looks for rows other replicas accepted (it is woken at once for its own). */
  pollMs?: number;
  /**
   * How long a woken worker lets more events arrive before it claims them (unless a full batch is waiting): under load
   * the batches grow with it, and a batch's dozen statements are shared by more events. The inbox lag it adds is at
   * most this. 20 ms (default): at 16 clients the SDK's p99 was ~42 ms against ~50–65 ms with 50 ms, whose longer
   * batch statements held up the inbox inserts (`npm run bench -- ingest`).
   */
  gatherMs?: number;
  staleAfterMs?: number;
  models?: GroupingModels;
}

export interface InboxWorker {
  /** Stops after the batch in progress; its rows are stored or stay in the inbox. */
  stop(): Promise<void>;
  /** Resolves once the inbox is empty (tests and the benchmark wait on it). */
  drained(): Promise<void>;
}

interface InboxRow {
  id: bigint;
  projectId: number;
  /** The event as accepted: validated and bounded, as JSON text. */
  payload: string;
  acceptedAt: Date;
}

const eventOf = (row: InboxRow) => JSON.parse(row.payload) as SentryEvent;

async function claim(batchSize: number, staleAfterMs: number): Promise<InboxRow[]> {
  const prisma = await db();
  const staleBefore = new Date(Date.now() - staleAfterMs);
  const rows = await prisma.$queryRaw<InboxRow[]>`
    UPDATE ingest_inbox SET claimed_at = now()
     WHERE id IN (SELECT id FROM ingest_inbox WHERE claimed_at IS NULL OR claimed_at < ${staleBefore}
                   ORDER BY id LIMIT ${batchSize} FOR UPDATE SKIP LOCKED)
    RETURNING id, project_id AS "projectId", payload, accepted_at AS "acceptedAt"`;
  return rows.sort((a, b) => (a.id < b.id ? -1 : 1));
}

async function remove(rows: InboxRow[]): Promise<void> {
  if (!rows.length) return;
  const prisma = await db();
  await prisma.$executeRaw`DELETE FROM ingest_inbox WHERE id = ANY(${rows.map((row) => row.id)}::bigint[])`;
}

async function release(rows: InboxRow[]): Promise<void> {
  const prisma = await db();
  await prisma.$executeRaw`UPDATE ingest_inbox SET claimed_at = NULL WHERE id = ANY(${rows.map((row) => row.id)}::bigint[])`;
}

/** The events of these rows, ready to group; the rows of a project deleted since they were accepted are left out. */
async function prepare(rows: InboxRow[]): Promise<PreparedEvent[]> {
  const prepared: PreparedEvent[] = [];
  for (const row of rows) {
    // The SDK requests that arrive while a batch is fingerprinted are answered between its events (time-slices.ts).
    await giveWayIfDue();
    const project = await findProjectForIngest(row.projectId);
    if (project) prepared.push(await prepareEvent(project, eventOf(row), row.acceptedAt));
  }
  return prepared;
}

/**
 * Groups one batch. When the batch fails for a reason that will not go away (a bug, a value the database refuses),
 * its events are grouped one by one, so that one bad event is dropped (and logged) instead of blocking the inbox.
 */
async function processBatch(rows: InboxRow[], models: GroupingModels): Promise<void> {
  try {
    await ingestBatch(await prepare(rows), models);
  } catch (error) {
    if (isTransientDatabaseError(error)) throw error;
    logger.warn("ingest inbox: a batch failed; grouping its events one by one", { error, events: rows.length });
    for (const row of rows) {
      try {
        const [prepared] = await prepare([row]);
        if (prepared) await ingestPrepared(prepared, models);
      } catch (eventError) {
        if (isTransientDatabaseError(eventError)) throw eventError;
        logger.error("ingest inbox: an event could not be grouped and is dropped", {
          error: eventError,
          projectId: row.projectId,
          eventId: eventOf(row).event_id,
        });
      }
    }
  }
  await remove(rows);
}

/** Starts a worker (the process's own is started once by `startInboxWorker`). */
export function createInboxWorker(options: InboxWorkerOptions = {}): InboxWorker {
  const batchSize = options.batchSize ?? 256;
  const pollMs = options.pollMs ?? 1_000;
  const gatherMs = options.gatherMs ?? 20;
  const staleAfterMs = options.staleAfterMs ?? 60_000;
  const models = () => options.models ?? groupingModels();
  const controller = new AbortController();
  const { signal } = controller;
  let wake: (() => void) | null = null;
  let woken = false;
  const stopListening = onInboxWake(() => {
    woken = true;
    wake?.();
  });
  let idleWaiters: (() => void)[] = [];

  async function waitForWork(): Promise<void> {
    if (woken) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, pollMs);
      timer.unref?.();
      wake = done;
      signal.addEventListener("abort", done, { once: true });
    });
    wake = null;
  }

  async function loop(): Promise<void> {
    // On the embedded database this is the only process: what an earlier one had claimed is free again.
    const database = await getDatabase();
    if (database.driver.kind === "embedded") {
      await database.prisma.$executeRaw`UPDATE ingest_inbox SET claimed_at = NULL WHERE claimed_at IS NOT NULL`;
    }
    while (!signal.aborted) {
      woken = false;
      let rows: InboxRow[] = [];
      try {
        rows = await claim(batchSize, staleAfterMs);
        if (rows.length) await processBatch(rows, models());
      } catch (error) {
        logger.error("ingest inbox: a batch will be tried again", { error, events: rows.length });
        if (rows.length) await release(rows).catch(() => undefined);
        await sleep(pollMs, undefined, { ref: false });
        continue;
      }
      // A full batch: more may be waiting, taken at once. Otherwise the inbox held no more than this batch when it was
      // claimed, so the worker waits to be woken by an accept (or for the poll), then lets the batch fill.
      if (rows.length === batchSize) continue;
      if (!rows.length) {
        const waiters = idleWaiters;
        idleWaiters = [];
        for (const resolve of waiters) resolve();
      }
      await waitForWork();
      if (gatherMs > 0 && !signal.aborted)
        await sleep(gatherMs, undefined, { ref: false, signal }).catch(() => undefined);
    }
  }

  const running = loop().catch((error: unknown) => logger.error("ingest inbox: the worker stopped", { error }));
  return {
    async stop() {
      controller.abort();
      stopListening();
      await running;
      for (const resolve of idleWaiters) resolve();
    },
    drained() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        woken = true;
        wake?.();
      });
    },
  };
}

const holder = globalThis as typeof globalThis & { __regroupInboxWorker?: InboxWorker };

/** Starts this process's inbox worker once (later calls return it); call it after the database is open. */
export function startInboxWorker(options: InboxWorkerOptions = {}): InboxWorker {
  holder.__regroupInboxWorker ??= createInboxWorker(options);
  return holder.__regroupInboxWorker;
}
