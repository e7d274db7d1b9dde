import { beforeAll, describe, expect, it } from "vitest";
import { issueStreamQuerySchema, type IssueStreamQuery } from "@/lib/contracts/issues";
import { setUpConcurrentPostgres } from "../testing/concurrent-postgres";
import { listProjectIssues } from "./issue-stream";
import { seedIssues } from "./testing/seed-issues";

// The same SQL on a native PostgreSQL (pg_trgm from its contrib, the generated search column, row-value keysets):
// the stream's answers agree with plain queries of the same rows.
const postgres = setUpConcurrentPostgres("the issue stream on a native PostgreSQL");
const PROJECT = 7;
const query = (input: Record<string, unknown>): IssueStreamQuery => issueStreamQuerySchema.parse(input);

describe.skipIf(!postgres.available)(postgres.title, () => {
  beforeAll(async () => {
    await seedIssues(postgres.database.driver, { projectId: PROJECT, issues: 1500 });
    await postgres.database.driver.exec("ANALYZE");
  });

  it("pages through every issue once, in the order PostgreSQL sorts them", async () => {
    const expected = await postgres.database.driver.query<{ id: number }>(
      `SELECT id FROM groups WHERE project_id = $1 ORDER BY times_seen DESC, id DESC`,
      [PROJECT],
    );
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await listProjectIssues(
        PROJECT,
        query({ sort: "events", limit: 100, ...(cursor ? { cursor } : {}) }),
      );
      seen.push(...page.issues.map((issue) => issue.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected.map((row) => row.id));
  });

  it("searches title and culprit in any case, and counts as a plain query does", async () => {
    for (const q of ["order 4711", "TIMEOUTERROR", "billing.api in"]) {
      const [{ count }] = (await postgres.database.driver.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM groups WHERE project_id = $1 AND (title ILIKE $2 OR culprit ILIKE $2)`,
        [PROJECT, `%${q}%`],
      )) as [{ count: number }];
      const page = await listProjectIssues(PROJECT, query({ q, limit: 100 }));
      expect(page.total, q).toEqual({ count, exact: true });
      expect(page.issues.length).toBe(Math.min(count, 100));
    }
  });

  it("filters by how the issues came to be and by model, as the events and decisions say", async () => {
    const [{ merged }] = (await postgres.database.driver.query<{ merged: number }>(
      `SELECT count(DISTINCT e.group_id)::int AS merged FROM events e JOIN grouping_decisions d ON d.event_id = e.id
        WHERE e.project_id = $1 AND e.grouping_method = 'ai' AND d.model_used = 'v2'`,
      [PROJECT],
    )) as [{ merged: number }];
    const page = await listProjectIssues(PROJECT, query({ created: "ai_merge", model: "v2", limit: 100 }));
    expect(merged).toBeGreaterThan(0);
    expect(page.total).toEqual({ count: merged, exact: true });
    expect(page.issues.every((issue) => issue.aiMergedEvents > 0)).toBe(true);
  });
});
