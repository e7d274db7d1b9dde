-- The ingest inbox (server/ingest/inbox): an SDK's event is answered once it is written here; a worker groups it
-- later, in batches, in arrival order (id). A row stays until its event is stored, so a crash between the two loses
-- nothing: the rows are taken again (their claim is released at start, or goes stale on a shared PostgreSQL).
-- No foreign key to projects: one event of a project deleted a moment ago must not fail the insert of the others it
-- is written with; the worker drops the rows of a project that is gone.
CREATE TABLE "ingest_inbox" (
    "id" BIGSERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "event_id" CHAR(32) NOT NULL,
    -- The event as JSON text: written and read whole, never queried, so PostgreSQL need not parse it (jsonb would).
    "payload" TEXT NOT NULL,
    "accepted_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- Set while a worker holds the row; null when it is free to take.
    "claimed_at" TIMESTAMPTZ(6),

    CONSTRAINT "ingest_inbox_pkey" PRIMARY KEY ("id")
);
