-- Event ingest: each project's DSN key, per-project feature flags (the grouping model), and why an event was not
-- sent to the AI step.
ALTER TABLE "projects" ADD COLUMN "public_key" TEXT NOT NULL DEFAULT replace(gen_random_uuid()::text, '-', '');
CREATE UNIQUE INDEX "projects_public_key_key" ON "projects"("public_key");

CREATE TABLE "feature_flags" (
    "project_id" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "feature_flags_pkey" PRIMARY KEY ("project_id", "key"),
    CONSTRAINT "feature_flags_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

ALTER TABLE "events" ADD COLUMN "ai_ineligible_reason" TEXT;
