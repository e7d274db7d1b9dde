-- Merging and unmerging issues by hand (server/issues/merge).

-- An issue merged into another is deleted (its hashes and events moved to the other); its id keeps leading there, so
-- that links to it still work. When the issue it went into is merged in turn, its redirects follow.
CREATE TABLE "group_redirects" (
    "id" INTEGER NOT NULL,
    "group_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "group_redirects_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "group_redirects_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "group_redirects_group_id_idx" ON "group_redirects"("group_id");

-- An issue that a person split off another by unmerging some of its hashes: the issue it came from (no foreign key:
-- that issue may be merged or deleted later, and this stays what happened).
ALTER TABLE "groups" ADD COLUMN "split_from_id" INTEGER;

-- An AI merge whose hash a person unmerged from the issue the AI put it in: a known overgrouping, counted on the
-- Overgrouping page. Merging the two back by hand clears it.
ALTER TABLE "grouping_decisions" ADD COLUMN "unmerged_at" TIMESTAMPTZ(6);
ALTER TABLE "grouping_decisions" ADD COLUMN "unmerged_by" TEXT;
-- The few unmerged merges, found without reading every decision (the Overgrouping page, a merge that takes one back).
CREATE INDEX "grouping_decisions_unmerged_idx" ON "grouping_decisions"("project_id") WHERE "unmerged_at" IS NOT NULL;
