-- A project's own grouping settings, edited in the console (server/grouping-settings): its fingerprint rules and stack
-- trace rules in Sentry's syntax (empty: none), and an AI distance threshold that replaces the calibrated one of one
-- model (the model it was chosen for) for this project's events. Ingest applies them to the next event.
ALTER TABLE "projects" ADD COLUMN "fingerprint_rules" TEXT NOT NULL DEFAULT '';
ALTER TABLE "projects" ADD COLUMN "stack_trace_rules" TEXT NOT NULL DEFAULT '';
ALTER TABLE "projects" ADD COLUMN "ai_threshold_override" DOUBLE PRECISION;
ALTER TABLE "projects" ADD COLUMN "ai_threshold_model" TEXT;

-- An override belongs to a model: both are set, or neither.
ALTER TABLE "projects" ADD CONSTRAINT "projects_ai_threshold_override_model"
  CHECK (("ai_threshold_override" IS NULL) = ("ai_threshold_model" IS NULL));
