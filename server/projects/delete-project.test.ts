import { beforeAll, describe, expect, it } from "vitest";
import type { Project } from "@/lib/contracts/projects";
import { ingestEvent } from "../ingest/pipeline";
import { mergeIssues } from "../issues/merge/merge";
import { createManualPair } from "../review/sources/manual";
import { sampleMerges } from "../review/sources/merge-sample";
import { setFlags } from "../rollout/flag-service";
import { pythonEvent } from "../rollout/test-fixtures";
import { setUpTestApi, signedPost } from "../testing/test-environment";
import { fixtureModels, traceAt } from "../testing/fixture-models";
import { signedInAs } from "../testing/users";

// Deleting a project over real HTTP, on a database where the project has a row in every table that can hold one.
const api = setUpTestApi({ models: fixtureModels });
const database = api.database;
let admin: { id: number; email: string; cookie: string };
beforeAll(async () => {
  admin = await signedInAs("admin");
});

const call = (method: string, path: string, body?: unknown) => api.call(admin.cookie, method, path, body);

async function create(name: string): Promise<Project> {
  const response = await call("POST", "/api/projects", { name, platform: "python" });
  expect(response.status).toBe(201);
  return response.body.project as Project;
}

const query = <T>(sql: string) => database.driver.query<T>(sql);
const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;
const count = async (sql: string) => Number((await query<{ n: number }>(sql))[0]!.n);

/** The tables (not partitions) with a project_id column, from the catalog: a table added later is counted too. */
const tablesWithProjectId = async () =>
  (
    await query<{ table: string }>(`
      SELECT c.relname AS table
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'project_id' AND NOT a.attisdropped
       WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
       ORDER BY 1`)
  ).map((row) => row.table);

/** Every foreign key column of the schema and the table it references. */
const foreignKeys = () =>
  query<{ table: string; column: string; referenced: string }>(`
    SELECT cl.relname AS table, a.attname AS column, ref.relname AS referenced
      FROM pg_constraint c
      JOIN pg_class cl ON cl.oid = c.conrelid
      JOIN pg_class ref ON ref.oid = c.confrelid
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)
     WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace AND NOT cl.relispartition`);

/** The integer-array columns that name projects (scheduled_changes.project_ids). */
const projectArrays = () =>
  query<{ table: string; column: string }>(`
    SELECT c.relname AS table, a.attname AS column
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
     WHERE a.atttypid = 'integer[]'::regtype AND a.attname LIKE 'project_ids' AND NOT a.attisdropped`);

/** Rows of the project per table with a project_id column. */
async function rowsByTable(projectId: number): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await tablesWithProjectId()) {
    counts[table] = await count(`SELECT count(*)::int AS n FROM ${quote(table)} WHERE project_id = ${projectId}`);
  }
  return counts;
}

/** The ids of the project's rows in each table that has both a project_id and an id. */
async function idsByTable(projectId: number): Promise<Map<string, number[]>> {
  const ids = new Map<string, number[]>();
  for (const table of await tablesWithProjectId()) {
    const hasId = await count(`
      SELECT count(*)::int AS n FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name = '${table}' AND column_name = 'id'`);
    if (!hasId) continue;
    const rows = await query<{ id: number }>(`SELECT id FROM ${quote(table)} WHERE project_id = ${projectId}`);
    ids.set(
      table,
      rows.map((row) => row.id),
    );
  }
  ids.set("projects", [projectId]);
  return ids;
}

/** Everything that still points at the project: by project_id, by a foreign key to one of its rows, by an array. */
async function remainingRows(projectId: number, idsBefore: Map<string, number[]>): Promise<string[]> {
  const left: string[] = [];
  for (const [table, n] of Object.entries(await rowsByTable(projectId))) if (n) left.push(`${table}: ${n}`);
  for (const { table, column, referenced } of await foreignKeys()) {
    const ids = idsBefore.get(referenced) ?? [];
    if (!ids.length) continue;
    const n = await count(
      `SELECT count(*)::int AS n FROM ${quote(table)} WHERE ${quote(column)} IN (${ids.join(",")})`,
    );
    if (n) left.push(`${table}.${column} → ${referenced}: ${n}`);
  }
  for (const { table, column } of await projectArrays()) {
    const n = await count(`SELECT count(*)::int AS n FROM ${quote(table)} WHERE ${projectId} = ANY(${quote(column)})`);
    if (n) left.push(`${table}.${column}: ${n}`);
  }
  const project = await count(`SELECT count(*)::int AS n FROM projects WHERE id = ${projectId}`);
  if (project) left.push(`projects: ${project}`);
  return left;
}

/** Events through the real pipeline: issues, hashes, AI decisions and grouping records, and some AI merges. */
async function sendErrors(project: Project) {
  const target = { id: project.id, publicKey: "", platform: "python" };
  for (let cluster = 0; cluster < 3; cluster += 1) {
    for (let member = 0; member < 3; member += 1) {
      await ingestEvent(target, pythonEvent(`Error${cluster}`, "failed", ["main", `path${cluster}_${member}`]));
    }
  }
}

describe("DELETE /api/projects/[id]", () => {
  it("removes every row of the project in every table, and nothing of another project", async () => {
    const doomed = await create("Doomed");
    const kept = await create("Kept");
    for (const project of [doomed, kept]) await sendErrors(project);
    const sessionAdmin = { id: admin.id, email: admin.email, name: null, role: "admin" as const };
    await setFlags(sessionAdmin, { projectIds: [doomed.id], change: { groupingModel: "v2" }, reason: "test" });
    await sendErrors(doomed);
    await sampleMerges({ perStratum: 4, seed: "delete-test" });
    // Two of its issues merged by hand: the merged one's id leads to the other (group_redirects).
    const [into, merged] = await database.prisma.group.findMany({
      where: { projectId: doomed.id },
      orderBy: { id: "asc" },
      take: 2,
    });
    await mergeIssues(sessionAdmin, { issueIds: [into!.id, merged!.id], into: into!.id });
    expect(await database.prisma.groupRedirect.count({ where: { groupId: into!.id } })).toBe(1);
    // A pair made by hand across the two projects: it belongs to the kept project (the project of its older event)
    // and stands on one of the doomed project's events.
    const keptEvent = await database.prisma.event.findFirstOrThrow({
      where: { projectId: kept.id },
      orderBy: { id: "asc" },
    });
    const doomedEvent = await database.prisma.event.findFirstOrThrow({
      where: { projectId: doomed.id },
      orderBy: { id: "desc" },
    });
    expect(keptEvent.id).toBeLessThan(doomedEvent.id);
    await createManualPair(sessionAdmin, { eventIds: [keptEvent.id, doomedEvent.id] });
    for (const pair of await database.prisma.reviewPair.findMany()) {
      await database.prisma.label.create({ data: { pairId: pair.id, labelerName: "someone", verdict: "GROUP" } });
    }
    await database.prisma.job.create({ data: { kind: "backfill", projectId: doomed.id, createdBy: "test" } });
    const runAt = new Date(Date.now() + 86_400_000);
    for (const projectIds of [[doomed.id], [doomed.id, kept.id]]) {
      await database.prisma.scheduledChange.create({
        data: { projectIds, change: { groupingModel: "v1" }, reason: "test", runAt, createdBy: "test" },
      });
    }

    const before = await rowsByTable(doomed.id);
    for (const table of [
      "events",
      "groups",
      "group_hashes",
      "grouping_records",
      "grouping_decisions",
      "review_pairs",
      "feature_flags",
      "jobs",
    ]) {
      expect(before[table], `the doomed project has rows in ${table} before`).toBeGreaterThan(0);
    }
    const labelsBefore = await database.prisma.label.count({ where: { pair: { projectId: doomed.id } } });
    expect(labelsBefore).toBeGreaterThan(0);
    const keptBefore = await rowsByTable(kept.id);
    const idsBefore = await idsByTable(doomed.id);

    const wrong = await call("DELETE", `/api/projects/${doomed.id}`, { confirmation: "Doomed" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({
      details: [{ path: ["confirmation"], message: 'type "doomed" to confirm' }],
    });
    expect(await rowsByTable(doomed.id)).toEqual(before);

    const response = await call("DELETE", `/api/projects/${doomed.id}`, { confirmation: "doomed" });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.deleted).toMatchObject({
      id: doomed.id,
      events: before.events,
      issues: before.groups,
      hashes: before.group_hashes,
      groupingRecords: before.grouping_records,
      groupingDecisions: before.grouping_decisions,
      // The doomed project's pairs and the hand-made pair of the other project that stood on its event.
      reviewPairs: before.review_pairs! + 1,
      flags: before.feature_flags,
      jobs: 1,
      scheduledChanges: 2,
    });

    expect(await remainingRows(doomed.id, idsBefore)).toEqual([]);
    expect(await rowsByTable(kept.id)).toEqual({ ...keptBefore, review_pairs: keptBefore.review_pairs! - 1 });
    const shared = await database.prisma.scheduledChange.findMany();
    expect(shared.map((change) => change.projectIds)).toEqual([[kept.id]]);

    const entry = await database.prisma.auditEntry.findFirstOrThrow({
      where: { action: "project.delete", targetId: String(doomed.id) },
    });
    expect(entry).toMatchObject({ actor: admin.email, target: "Doomed" });
    expect(entry.before).toMatchObject({ slug: "doomed", events: before.events, issues: before.groups });
    expect((await call("GET", `/api/projects/${doomed.id}`)).status).toBe(404);
  });

  it("refuses the deleted project's DSN key, and registers a new project for a grouping-API caller", async () => {
    const project = await create("Short-lived");
    const key = new URL(project.dsn!).username;
    const send = () =>
      fetch(`${api.url}/api/${project.id}/store/`, {
        method: "POST",
        headers: { "x-sentry-auth": `Sentry sentry_key=${key}, sentry_version=7` },
        body: JSON.stringify({ message: "hello" }),
      }).then((response) => response.status);
    expect(await send()).toBe(200);
    expect((await call("DELETE", `/api/projects/${project.id}`, { confirmation: "short-lived" })).status).toBe(200);
    expect(await send()).toBe(404);

    // A Sentry's project, registered by its similar-issues call, deleted, then called again.
    const similar = async () => {
      const body = { project_id: 77, hash: "h1", stacktrace: traceAt(0), k: 1 };
      const response = await signedPost(api.url, "/v0/issues/similar-issues", body);
      expect(response.status).toBe(200);
    };
    await similar();
    const registered = await database.prisma.project.findUniqueOrThrow({ where: { id: 77 } });
    expect(registered.registeredByGroupingApi).toBe(true);
    expect((await call("DELETE", "/api/projects/77", { confirmation: "project-77" })).status).toBe(200);
    expect(await count("SELECT count(*)::int AS n FROM grouping_records WHERE project_id = 77")).toBe(0);
    await similar();
    expect(await database.prisma.project.count({ where: { id: 77, registeredByGroupingApi: true } })).toBe(1);
    expect(await count("SELECT count(*)::int AS n FROM grouping_records WHERE project_id = 77")).toBe(1);
  });
});
