import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "./client";

let database: Database;
beforeAll(async () => {
  database = await openDatabase({ dataDir: "memory://", role: "test" });
}, 60_000);
afterAll(async () => {
  await database.close();
});

describe("the embedded database's session", () => {
  it("searches with ef_search 100 and strict-order iterative scans, before and after any transaction", async () => {
    const settings = () =>
      database.driver.query<{ ef: string; iterative: string }>(
        "SELECT current_setting('hnsw.ef_search') AS ef, current_setting('hnsw.iterative_scan') AS iterative",
      );
    expect(await settings()).toEqual([{ ef: "100", iterative: "strict_order" }]);
    await database.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL hnsw.ef_search = 7");
    });
    expect(await settings()).toEqual([{ ef: "100", iterative: "strict_order" }]);
  });
});
