-- Projects that the Seer-compatible grouping API created for a caller (a Sentry calling with a project id regroup did
-- not know) are marked, so that the console lists them apart from the projects people create, and a caller's project
-- id resolves only to a project the grouping API registered (server/grouping/project-ids.ts).
ALTER TABLE "projects" ADD COLUMN "registered_by_grouping_api" BOOLEAN NOT NULL DEFAULT false;

-- Those registered before this column, by the names the grouping API gave them: "project-<id>" / "Project <id>" for a
-- caller id used as it was, and an external_id for a caller id mapped to another one.
UPDATE "projects" SET "registered_by_grouping_api" = true
 WHERE "external_id" IS NOT NULL
    OR ("slug" = 'project-' || "id"::text AND "name" = 'Project ' || "id"::text AND "platform" = 'other');

-- Ids of the projects people create come from a sequence, so that a deleted project's id is never given again; each
-- creation also skips past ids taken meanwhile (the demo's, the grouping API's) (server/projects/create.ts).
CREATE SEQUENCE "projects_console_id_seq" AS INTEGER MINVALUE 1 MAXVALUE 2147483647;
SELECT setval('projects_console_id_seq',
              COALESCE((SELECT MAX("id") FROM "projects" WHERE NOT "registered_by_grouping_api"), 0) + 1, false);
