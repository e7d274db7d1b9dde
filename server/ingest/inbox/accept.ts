import "server-only";
import { boundEvent } from "@/engine/event/bound";
import type { SentryEvent } from "@/engine/event/schema";
import { getDatabase, type Database } from "../../db";
import { normaliseEventId } from "../pipeline";
import type { IngestProject } from "../types";
import { HttpError } from "../../http/errors";
import { GroupCommit, GroupCommitFullError } from "./group-commit";
import { wakeInboxWorker } from "./signal";

interface InboxItem {
  projectId: number;
  eventId: string;
  payload: string;
  acceptedAt: Date;
}

/** The bounds of one inbox write and of what may wait for one (an event is at most ~1 MiB once bounded). */
export const INBOX_WRITE_LIMITS = { maxItems: 500, maxBytes: 8 * 1024 * 1024, maxPendingBytes: 64 * 1024 * 1024 };

/**
 * How long an accept that finds no inbox write in flight waits for the requests arriving behind it: 2 ms took a write
 * from 2.5 to 10 events and the accepted rate from 690/s to 945/s at 16 clients (`npm run bench -- ingest`).
 */
const INBOX_WRITE_LINGER_MS = 2;

/**
 * Writes in flight at once: the next write is already waiting at the database when the one before it ends, and on
 * the embedded database it goes before the worker's statements waiting there (an urgent statement, session-turns.ts),
 * so that an accept waits for at most the statement or transaction in progress.
 */
const INBOX_WRITES_IN_FLIGHT = 2;

// Per database and on globalThis, as the ingest caches are: the route bundles are separate module graphs.
const holder = globalThis as typeof globalThis & {
  __regroupInboxWriters?: WeakMap<Database, GroupCommit<InboxItem>>;
};

function inboxWriter(database: Database): GroupCommit<InboxItem> {
  const writers = (holder.__regroupInboxWriters ??= new WeakMap());
  let writer = writers.get(database);
  if (!writer) {
    writer = new GroupCommit<InboxItem>({
      ...INBOX_WRITE_LIMITS,
      lingerMs: INBOX_WRITE_LINGER_MS,
      maxWritesInFlight: INBOX_WRITES_IN_FLIGHT,
      sizeOf: (item) => item.payload.length,
      // One statement for every event that arrived while the previous writes were in flight; unnest keeps their
      // order, so ids follow arrival.
      write: async (items) => {
        await database.driver.urgentQuery(
          `INSERT INTO ingest_inbox (project_id, event_id, payload, accepted_at)
           SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::timestamptz[])`,
          [
            items.map((item) => item.projectId),
            items.map((item) => item.eventId),
            items.map((item) => item.payload),
            items.map((item) => item.acceptedAt.toISOString()),
          ],
        );
        wakeInboxWorker();
      },
    });
    writers.set(database, writer);
  }
  return writer;
}

/**
 * Accepts an event for grouping: bounds it (what waits in the inbox is what will be stored), gives it its id, and
 * resolves once it is durably in the inbox (group commit with the events of concurrent requests). The worker
 * (worker.ts) groups it later.
 */
export async function acceptEvent(project: IngestProject, event: SentryEvent): Promise<{ eventId: string }> {
  const bounded = boundEvent(event).event;
  const eventId = normaliseEventId(bounded.event_id);
  const payload = JSON.stringify({ ...bounded, event_id: eventId });
  try {
    await inboxWriter(await getDatabase()).add({ projectId: project.id, eventId, payload, acceptedAt: new Date() });
  } catch (error) {
    if (!(error instanceof GroupCommitFullError)) throw error;
    // As Relay answers when its queue is full: the SDK keeps the event and sends it again later.
    throw new HttpError(503, "ingest_backlog", `${error.message} Send it again in a moment.`, undefined, {
      "retry-after": "1",
    });
  }
  return { eventId };
}
