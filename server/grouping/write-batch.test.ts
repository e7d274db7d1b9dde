import { beforeAll, expect, it } from "vitest";
import { fixtureModelList } from "../testing/fixture-models";
import { setUpTestDatabase } from "../testing/test-environment";
import { withCallDefaults } from "./call";
import type { DecisionInput } from "./decisions";
import { writeRecordsAndDecisions, type WriteItem } from "./write-batch";

const database = setUpTestDatabase();
const [v1, v2] = fixtureModelList as [(typeof fixtureModelList)[0], (typeof fixtureModelList)[0]];

beforeAll(async () => {
  await database.prisma.project.create({ data: { id: 41, slug: "write41", name: "write41", platform: "python" } });
});

const unit = (dimension: number, axis: number) => Array.from({ length: dimension }, (_, i) => (i === axis ? 1 : 0));
const record = (hash: string, axis = 0) => ({
  projectId: 41,
  hash,
  exceptionType: "ValueError",
  vectors: [
    { model: v1, vector: unit(768, axis) },
    { model: v2, vector: unit(64, axis) },
  ],
});
const decision = (hash: string): Omit<DecisionInput, "inserted"> => ({
  call: withCallDefaults({ projectId: 41, hash, stacktrace: "x", exceptionType: null, model: "v2" }),
  modelUsed: v2,
  fallback: true,
  threshold: 0.05,
  best: undefined,
  latencyMs: 1.5,
});

it("writes a batch's records and decisions in one statement, each decision saying whether its record was stored", async () => {
  await writeRecordsAndDecisions(database.prisma, [{ record: record("existing"), decision: null }]);
  const items: WriteItem[] = [
    { record: record("new-a", 1), decision: decision("new-a") },
    // The same hash again in the batch: the first one wins, as when the calls arrive one by one.
    { record: record("new-a", 2), decision: decision("new-a") },
    { record: record("existing", 3), decision: decision("existing") },
    { record: null, decision: decision("matched") },
    { record: record("no-decision", 4), decision: null },
    { record: record("new-b", 5), decision: decision("new-b") },
  ];
  const results = await writeRecordsAndDecisions(database.prisma, items);
  expect(results.map((result) => result.inserted)).toEqual([true, false, false, false, true, true]);
  expect(results.map((result) => result.decisionId === null)).toEqual([false, false, false, false, true, false]);

  const rows = await database.prisma.groupingDecision.findMany({
    where: { id: { in: results.flatMap((result) => (result.decisionId ? [result.decisionId] : [])) } },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  // Each id is its own item's decision: hash and inserted flag.
  expect(
    results.flatMap((result) => {
      const row = result.decisionId ? byId.get(result.decisionId) : undefined;
      return row ? [[row.hash, row.inserted, row.fallback, row.latencyMs]] : [];
    }),
  ).toEqual([
    ["new-a", true, true, 1.5],
    ["new-a", false, true, 1.5],
    ["existing", false, true, 1.5],
    ["matched", false, true, 1.5],
    ["new-b", true, true, 1.5],
  ]);
  // The first of the duplicated hash is the one stored; the existing record kept its vector.
  const stored = await database.driver.query<{ hash: string; axis: number }[]>(
    `SELECT hash, array_position((v2::real[]), 1) - 1 AS axis FROM grouping_records WHERE project_id = 41 ORDER BY hash`,
  );
  expect(stored).toEqual([
    { hash: "existing", axis: 0 },
    { hash: "new-a", axis: 1 },
    { hash: "new-b", axis: 5 },
    { hash: "no-decision", axis: 4 },
  ]);
});

it("stores nothing of the batch when one of its decisions cannot be written", async () => {
  // A decision about an event that does not exist breaks its foreign key.
  const bad = { ...decision("orphan"), eventId: 999_999 };
  await expect(
    writeRecordsAndDecisions(database.prisma, [
      { record: record("half-written", 6), decision: decision("half-written") },
      { record: null, decision: bad },
    ]),
  ).rejects.toThrow();
  const rows = await database.driver.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM grouping_records WHERE hash = 'half-written'`,
  );
  expect(rows).toEqual([{ count: 0 }]);
});
