import { beforeAll, describe, expect, it } from "vitest";
import { fixtureModels, traceAt } from "../testing/fixture-models";
import { setUpTestDatabase } from "../testing/test-environment";
import { groupingCallsInOrder, type OrderedCall } from "./ordered-calls";
import { groupingCall, type GroupingCallResult } from "./service";

const database = setUpTestDatabase({ models: fixtureModels });

beforeAll(async () => {
  for (const id of [31, 32]) {
    await database.prisma.project.create({
      data: { id, slug: `ordered${id}`, name: `ordered${id}`, platform: "python" },
    });
  }
});

/** The index before the calls: one record of both models in project 31, one of v1 only in project 32. */
async function seed(): Promise<void> {
  await database.driver.exec("TRUNCATE grouping_records, grouping_decisions CASCADE");
  await groupingCall(
    { projectId: 31, stacktrace: traceAt(0), hash: "seed-both", exceptionType: null, model: "v2" },
    fixtureModels,
  );
  await groupingCall(
    { projectId: 32, stacktrace: traceAt(0), hash: "seed-v1", exceptionType: null, model: "v1" },
    fixtureModels,
  );
}

const call = (projectId: number, hash: string, stacktrace: string, more: Partial<OrderedCall["call"]> = {}) => ({
  call: { projectId, hash, stacktrace, exceptionType: null, model: "v2", ...more },
});

/**
 * A run with every case the ingest batch meets: a trace near an indexed record; new traces that find one stored
 * earlier in the run (by v2, and by v1 after a fallback); a read-only shadow beside its live call; a project of its
 * own; k = 0; a project threshold override; a v1 project whose records v2's shadow cannot see; and a training
 * call that gives an indexed record v2's vector, which v2 finds from then on (and v1's fallback no longer looks at).
 */
const run: OrderedCall[] = [
  call(31, "near-seed", traceAt(0.02)),
  call(31, "a", "v1=0,1;v2=0,1"),
  call(31, "a-shadow", "v1=0,1;v2=0,1", { model: "v1", readOnly: true, skipFallback: true }),
  call(31, "a-again", "v1=0,1;v2=0,0.99,0.1"),
  call(32, "b", "v1=0,0,1;v2=0,0,1", { model: "v1" }),
  call(32, "b-near", "v1=0,0,1,0.05;v2=0,0,1", { model: "v1" }),
  call(32, "b-shadow", "v1=0,0,1,0.05;v2=0,0,1", { model: "v2", readOnly: true, skipFallback: true }),
  call(31, "fallback-only", "v1=0,1,0.01;v2=0,0,0,1"),
  call(31, "k0", "v1=0,1;v2=0,1", { k: 0 }),
  { ...call(31, "override", "v1=0,0,0,0,1;v2=0,1,0.41"), thresholdOverride: { model: "v2", threshold: 0.1 } },
  call(31, "no-override", "v1=0,0,0,0,0,1;v2=0,1,0.41"),
  call(32, "before-training", traceAt(0.01), { model: "v2" }),
  call(32, "seed-v1", traceAt(0), { model: "v2", trainingMode: true, skipFallback: true }),
  call(32, "after-training", traceAt(0.01), { model: "v2" }),
];

/** What a caller sees of an answer, and what the index holds afterwards. */
const seen = (answers: GroupingCallResult[]) =>
  answers.map((answer) => ({
    similarIssues: answer.similarIssues.map((issue) => ({ ...issue, distance: Number(issue.distance.toFixed(5)) })),
    modelUsed: answer.modelUsed,
    fallback: answer.fallback,
    threshold: answer.threshold,
    inserted: answer.decision?.inserted,
  }));
const records = () =>
  database.driver.query<{ project_id: number; hash: string; v1: boolean; v2: boolean }>(
    `SELECT project_id, hash, v1 IS NOT NULL AS v1, v2 IS NOT NULL AS v2 FROM grouping_records ORDER BY project_id, hash`,
  );

/** The answers and the records of the calls made one after the other, then of the same calls together. */
async function oneByOneAndTogether(calls: OrderedCall[]) {
  await seed();
  const oneByOne: GroupingCallResult[] = [];
  for (const { call: input, thresholdOverride } of calls) {
    oneByOne.push(await groupingCall(input, fixtureModels, { deferDecision: true, thresholdOverride }));
  }
  const indexOneByOne = await records();
  await seed();
  const together = await groupingCallsInOrder(calls, fixtureModels);
  return { oneByOne, indexOneByOne, together, indexTogether: await records() };
}

/** A new trace of its own in either project (v2 and v1 each point somewhere no other call does). */
const unrelated = (i: number) => {
  const spike = `${"0,".repeat(16 + i)}1`;
  return call(31 + (i % 2), `unrelated-${i}`, `v1=${spike};v2=${spike}`);
};

describe("grouping calls answered in order, together", () => {
  it("answer each call as the same calls made one after the other do, and leave the same records", async () => {
    const { oneByOne, indexOneByOne, together, indexTogether } = await oneByOneAndTogether(run);
    expect(seen(together)).toEqual(seen(oneByOne));
    expect(indexTogether).toEqual(indexOneByOne);

    // The run did what it is for: later calls found records earlier calls stored.
    const byHash = new Map(run.map((item, i) => [item.call.hash, together[i]!]));
    expect(byHash.get("a-again")!.similarIssues[0]).toMatchObject({ parentHash: "a", shouldGroup: true });
    expect(byHash.get("b-near")!.similarIssues[0]).toMatchObject({ parentHash: "b", shouldGroup: true });
    expect(byHash.get("fallback-only")).toMatchObject({ fallback: true, modelUsed: "v1" });
    expect(byHash.get("override")!.similarIssues[0]).toMatchObject({ parentHash: "a", shouldGroup: true });
    expect(byHash.get("before-training")).toMatchObject({ fallback: true, modelUsed: "v1" });
    expect(byHash.get("before-training")!.similarIssues[0]).toMatchObject({ parentHash: "seed-v1", shouldGroup: true });
    expect(byHash.get("after-training")).toMatchObject({ fallback: false, modelUsed: "v2" });
    expect(byHash.get("after-training")!.similarIssues[0]).toMatchObject({ parentHash: "seed-v1", shouldGroup: true });
    expect(byHash.get("no-override")!.similarIssues.some((issue) => issue.shouldGroup)).toBe(false);
  });

  it("answer a run longer than one statement's worth of searches and records as one by one", async () => {
    // Searches and new records go 16 to a statement: here the run's own calls come after two chunks of others.
    const long = [...Array.from({ length: 20 }, (_, i) => unrelated(i)), ...run];
    const { oneByOne, indexOneByOne, together, indexTogether } = await oneByOneAndTogether(long);
    expect(seen(together)).toEqual(seen(oneByOne));
    expect(indexTogether).toEqual(indexOneByOne);
    expect(indexTogether.filter((record) => record.hash.startsWith("unrelated-"))).toHaveLength(20);
    const byHash = new Map(long.map((item, i) => [item.call.hash, together[i]!]));
    expect(byHash.get("a-again")!.similarIssues[0]).toMatchObject({ parentHash: "a", shouldGroup: true });
    expect(byHash.get("after-training")).toMatchObject({ fallback: false, modelUsed: "v2" });
  });
});
