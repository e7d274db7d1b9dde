import { beforeAll, expect, it } from "vitest";
import { Prisma } from "../db/client";
import { fixtureModelList } from "../testing/fixture-models";
import { setUpTestDatabase } from "../testing/test-environment";
import { nearestRecordsSql } from "./records";
import { insertRecordsBatch } from "./records-batch";

const database = setUpTestDatabase();
const [v1, v2] = fixtureModelList as [(typeof fixtureModelList)[0], (typeof fixtureModelList)[0]];
const direction = (dimension: number, i: number) =>
  Array.from({ length: dimension }, (_, d) => Math.cos(i * 0.37 + d * 0.11) + (d === i % dimension ? 1 : 0));

beforeAll(async () => {
  await database.prisma.project.create({
    data: { id: 51, slug: "fallback51", name: "fallback51", platform: "python" },
  });
  // A project on v2, backfilled: every record has both models' vectors.
  await insertRecordsBatch(
    database.prisma,
    Array.from({ length: 400 }, (_, i) => ({
      projectId: 51,
      hash: `r${i}`,
      vectors: [
        { model: v1, vector: direction(768, i) },
        { model: v2, vector: direction(64, i) },
      ],
    })),
  );
});

async function plan(sql: Prisma.Sql): Promise<string> {
  const rows = await database.prisma.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN ${sql}`;
  return rows.map((row) => row["QUERY PLAN"]).join("\n");
}

it("the stable model's fallback reads only the records the next model has no vector of, not the project's graph", async () => {
  const search = { projectId: 51, model: v1, vector: direction(768, 3), excludeHash: "new", radius: 0.01, limit: 1 };
  const fallback = await plan(nearestRecordsSql({ ...search, unseenBy: v2 }));
  expect(fallback).toMatch(/Index Scan using grouping_records_p\d+_project_id_idx/);
  expect(fallback).not.toMatch(/_v1_idx/);
  // And it finds what is there: a record v2 cannot see, near the query.
  await database.prisma.$executeRaw`UPDATE grouping_records SET v2 = NULL WHERE project_id = 51 AND hash = 'r3'`;
  const rows = await database.prisma.$queryRaw<{ hash: string }[]>`${nearestRecordsSql({ ...search, unseenBy: v2 })}`;
  expect(rows.map((row) => row.hash)).toEqual(["r3"]);
});
