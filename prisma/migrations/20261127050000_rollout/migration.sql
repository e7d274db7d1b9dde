-- Rollout: flag changes scheduled for later, background jobs (the v2 backfill), and console-wide settings
-- (guardrail limits).
CREATE TYPE "job_status" AS ENUM ('queued', 'running', 'done', 'cancelled', 'failed');
CREATE TYPE "scheduled_change_status" AS ENUM ('pending', 'applied', 'cancelled', 'failed');

CREATE TABLE "jobs" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "project_id" INTEGER,
    "status" "job_status" NOT NULL DEFAULT 'queued',
    "progress_done" INTEGER NOT NULL DEFAULT 0,
    "progress_total" INTEGER NOT NULL DEFAULT 0,
    -- Where a resumed job carries on (e.g. the last group hash id done).
    "cursor" JSONB,
    "params" JSONB,
    "error" TEXT,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(6),
    "finished_at" TIMESTAMPTZ(6),
    "heartbeat_at" TIMESTAMPTZ(6),
    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "jobs_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "jobs_status_created_at_idx" ON "jobs"("status", "created_at");
CREATE INDEX "jobs_project_id_kind_idx" ON "jobs"("project_id", "kind");

CREATE TABLE "scheduled_changes" (
    "id" SERIAL NOT NULL,
    "project_ids" INTEGER[] NOT NULL,
    -- { "key": "grouping_model", "value": "v2" }
    "change" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "run_at" TIMESTAMPTZ(6) NOT NULL,
    "status" "scheduled_change_status" NOT NULL DEFAULT 'pending',
    "created_by" TEXT NOT NULL,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "applied_at" TIMESTAMPTZ(6),
    "error" TEXT,
    CONSTRAINT "scheduled_changes_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "scheduled_changes_status_run_at_idx" ON "scheduled_changes"("status", "run_at");

CREATE TABLE "settings" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_by" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "settings_pkey" PRIMARY KEY ("key")
);
