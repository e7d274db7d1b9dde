-- Expert pair review: pairs of events to compare (unordered: stored with event_a_id < event_b_id), where each came
-- from and with what sampling weight, the labels experts (or an automated labeler) gave them, and per-platform
-- labeling guidelines.
CREATE TYPE "review_source" AS ENUM ('disagreement', 'near_threshold', 'merge_sample', 'manual');
CREATE TYPE "label_verdict" AS ENUM ('GROUP', 'SEPARATE', 'UNSURE');

CREATE TABLE "review_pairs" (
    "id" SERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "platform" TEXT NOT NULL,
    "event_a_id" INTEGER NOT NULL,
    "event_b_id" INTEGER NOT NULL,
    "source" "review_source" NOT NULL,
    -- The model whose decision made the pair interesting (near-threshold, merge sample), if any.
    "model" TEXT,
    -- How much the pair counts when sampled: closeness to the threshold, or 1 / inclusion probability.
    "sampling_weight" DOUBLE PRECISION NOT NULL DEFAULT 1,
    -- Set when the pair belongs to the unbiased random sample of AI merges (the only pairs the rates use).
    "merge_sample_probability" DOUBLE PRECISION,
    "decision_id" INTEGER,
    "v1_distance" DOUBLE PRECISION,
    "v2_distance" DOUBLE PRECISION,
    "claimed_by" INTEGER,
    "claimed_until" TIMESTAMPTZ(6),
    "created_by" TEXT NOT NULL DEFAULT 'system',
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "review_pairs_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "review_pairs_unordered" CHECK ("event_a_id" < "event_b_id"),
    CONSTRAINT "review_pairs_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "review_pairs_event_a_id_fkey" FOREIGN KEY ("event_a_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "review_pairs_event_b_id_fkey" FOREIGN KEY ("event_b_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "review_pairs_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "grouping_decisions"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "review_pairs_claimed_by_fkey" FOREIGN KEY ("claimed_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "review_pairs_event_a_id_event_b_id_key" ON "review_pairs"("event_a_id", "event_b_id");
CREATE INDEX "review_pairs_project_id_source_idx" ON "review_pairs"("project_id", "source");
CREATE INDEX "review_pairs_platform_source_idx" ON "review_pairs"("platform", "source");

CREATE TABLE "labels" (
    "id" SERIAL NOT NULL,
    "pair_id" INTEGER NOT NULL,
    -- A person, or null for an automated labeler named in labeler_name.
    "labeler_id" INTEGER,
    "labeler_name" TEXT NOT NULL,
    "verdict" "label_verdict" NOT NULL,
    "reason" TEXT,
    "note" TEXT,
    -- Whether the model decisions were hidden while labeling.
    "blind" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "labels_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "labels_pair_id_fkey" FOREIGN KEY ("pair_id") REFERENCES "review_pairs"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "labels_labeler_id_fkey" FOREIGN KEY ("labeler_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- One label per labeler per pair (labeling again replaces it).
CREATE UNIQUE INDEX "labels_pair_id_labeler_name_key" ON "labels"("pair_id", "labeler_name");
CREATE INDEX "labels_labeler_id_created_at_idx" ON "labels"("labeler_id", "created_at");

CREATE TABLE "guidelines" (
    "platform" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updated_by" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "guidelines_pkey" PRIMARY KEY ("platform")
);
