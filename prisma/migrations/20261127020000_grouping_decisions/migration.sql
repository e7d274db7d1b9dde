-- Every AI grouping call (the similar-issues API and the ingest pipeline), with its latency, and for ingest the
-- read-only "shadow" answer of the other model on the same event, so v1 and v2 compare on identical traffic.
CREATE TABLE "grouping_decisions" (
    "id" SERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "event_id" INTEGER,
    "model_requested" TEXT NOT NULL,
    "model_used" TEXT NOT NULL,
    "fallback" BOOLEAN NOT NULL DEFAULT false,
    "parent_hash" TEXT,
    "distance" DOUBLE PRECISION,
    "threshold" DOUBLE PRECISION NOT NULL,
    "should_group" BOOLEAN NOT NULL DEFAULT false,
    "inserted" BOOLEAN NOT NULL DEFAULT false,
    "read_only" BOOLEAN NOT NULL DEFAULT false,
    "training_mode" BOOLEAN NOT NULL DEFAULT false,
    "shadow_model" TEXT,
    "shadow_parent_hash" TEXT,
    "shadow_distance" DOUBLE PRECISION,
    "shadow_should_group" BOOLEAN,
    "latency_ms" DOUBLE PRECISION NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "grouping_decisions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "grouping_decisions_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "grouping_decisions_project_id_created_at_idx" ON "grouping_decisions"("project_id", "created_at");
CREATE INDEX "grouping_decisions_model_requested_created_at_idx" ON "grouping_decisions"("model_requested", "created_at");
CREATE INDEX "grouping_decisions_event_id_idx" ON "grouping_decisions"("event_id");
