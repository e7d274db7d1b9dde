-- The issue stream of a project (GET /api/projects/[id]/issues): searched, filtered, sorted and paged by a keyset
-- cursor, as fast with 100,000 issues as with 10. Each sort's pages are a range of one index, (project, sort key, id),
-- the id breaking ties; the search is a substring of the title (which begins with the exception type) or the culprit,
-- matched with trigrams.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- What the search matches, kept by the database itself: lower-cased once here rather than on every row of every
-- search, title and culprit on separate lines (a search never spans a line break).
ALTER TABLE "groups"
  ADD COLUMN "search_text" TEXT GENERATED ALWAYS AS (lower("title" || E'\n' || coalesce("culprit", ''))) STORED;
CREATE INDEX "groups_search_text_trgm_idx" ON "groups" USING gin ("search_text" gin_trgm_ops);

DROP INDEX "groups_project_id_last_seen_idx";
CREATE INDEX "groups_project_id_last_seen_id_idx" ON "groups"("project_id", "last_seen", "id");
CREATE INDEX "groups_project_id_first_seen_id_idx" ON "groups"("project_id", "first_seen", "id");
CREATE INDEX "groups_project_id_times_seen_id_idx" ON "groups"("project_id", "times_seen", "id");

-- How each issue came to be and what the AI step merged into it are on its events: the one that created it
-- (grouping_method 'new', with the AI decision if it reached the AI step) and those the AI merged in ('ai'). They are
-- a few per issue among all its events, so the stream's filters and columns read them through partial indexes.
CREATE INDEX "events_project_id_grouping_method_group_id_idx" ON "events"("project_id", "grouping_method", "group_id")
  WHERE "grouping_method" IN ('new', 'ai');
CREATE INDEX "events_group_id_ai_step_idx" ON "events"("group_id") WHERE "grouping_method" IN ('new', 'ai');
