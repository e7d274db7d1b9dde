import { describe, expect, it } from "vitest";
import { setUpTestDatabase } from "../testing/test-environment";
import { analyzeChangedTables } from "./planner-statistics";

const database = setUpTestDatabase();

const reltuples = async (table: string) =>
  (
    await database.driver.query<{ n: number }>(`SELECT reltuples::int AS n FROM pg_class WHERE relname = $1`, [table])
  )[0]!.n;

describe("the embedded database's planner statistics", () => {
  it("analyzes tables never analyzed, then only those that changed enough since", async () => {
    const first = await analyzeChangedTables(database.driver);
    expect(first).toEqual(expect.arrayContaining(["groups", "events", "projects"]));

    await database.driver.exec(`
      INSERT INTO projects (id, slug, name) VALUES (1, 'p', 'P');
      INSERT INTO groups (project_id, title) SELECT 1, 'Error ' || i FROM generate_series(1, 500) AS i;`);
    expect(await analyzeChangedTables(database.driver)).toEqual(expect.arrayContaining(["groups"]));
    // The planner now knows how big the table is.
    expect(await reltuples("groups")).toBe(500);

    // 40 changed rows of 500 are under the threshold (50 + 10%): nothing to do.
    await database.driver.exec(`UPDATE groups SET times_seen = 2 WHERE id <= 40`);
    expect(await analyzeChangedTables(database.driver)).not.toContain("groups");
  });
});
