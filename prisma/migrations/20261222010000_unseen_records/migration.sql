-- The records each model has no vector of, by project: when the next model finds nothing, the stable model's fallback
-- searches only these (issues indexed before the project moved, not backfilled yet). Once a project is backfilled
-- they are few or none, and without this index the search walked the stable model's whole HNSW graph of the
-- partition (every record failing the filter) or read the whole partition; with it, the planner reads the few rows
-- and sorts them exactly. A project that has just moved has many, and the HNSW index still serves it.
CREATE INDEX "grouping_records_v1_unseen_idx" ON "grouping_records" ("project_id") WHERE "v1" IS NULL;
CREATE INDEX "grouping_records_v2_unseen_idx" ON "grouping_records" ("project_id") WHERE "v2" IS NULL;
