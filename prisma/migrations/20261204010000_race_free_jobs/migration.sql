-- Race-free background work. A backfill job's lease names its owner (a token set by each claim), so a worker whose
-- job was taken over as stale can tell and stop; a project has at most one active (queued or running) backfill, by
-- a partial unique index rather than a check-then-insert; a scheduled change retries a transient failure a bounded
-- number of times, later, before it is marked failed.
ALTER TABLE "jobs" ADD COLUMN "lease_token" TEXT;

-- Duplicates that two concurrent requests made before this migration: each project keeps its oldest active job.
UPDATE "jobs" AS j
   SET "status" = 'cancelled', "finished_at" = CURRENT_TIMESTAMP,
       "error" = 'cancelled by a migration: an older backfill of this project was already active'
 WHERE j."status" IN ('queued', 'running') AND j."project_id" IS NOT NULL
   AND EXISTS (
     SELECT 1 FROM "jobs" AS older
      WHERE older."project_id" = j."project_id" AND older."kind" = j."kind"
        AND older."status" IN ('queued', 'running') AND older."id" < j."id");
CREATE UNIQUE INDEX "jobs_one_active_per_project_key" ON "jobs"("project_id", "kind")
  WHERE "status" IN ('queued', 'running');

ALTER TABLE "scheduled_changes"
  ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "next_attempt_at" TIMESTAMPTZ(6);
