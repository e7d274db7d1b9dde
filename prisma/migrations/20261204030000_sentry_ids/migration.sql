-- A Sentry calling the Seer API sends 64-bit project and group ids.
-- Project ids that do not fit regroup's 32-bit ids are mapped: the caller's id is kept in external_id.
ALTER TABLE "projects" ADD COLUMN "external_id" BIGINT;
CREATE UNIQUE INDEX "projects_external_id_key" ON "projects"("external_id");

-- group_id is not part of the partition key, so it widens in place on every partition.
ALTER TABLE "grouping_records" ALTER COLUMN "group_id" TYPE BIGINT;
