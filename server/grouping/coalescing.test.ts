import { afterAll, describe, expect, it } from "vitest";
import { signatureHeader } from "../http/rpc-signature";
import { setUpTestApi } from "../testing/test-environment";
import { fixtureModels, traceAt } from "../testing/fixture-models";
import { coalescingStats, configureCoalescing } from "./coalescing";

const api = setUpTestApi({ models: fixtureModels });
const database = api.database;
const SECRET = process.env.GROUPING_API_SECRET!;

afterAll(async () => {
  configureCoalescing({ enabled: true });
});

async function similar(body: Record<string, unknown>) {
  const text = JSON.stringify(body);
  const response = await fetch(`${api.url}/api/v0/issues/similar-issues`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: signatureHeader(text, SECRET) },
    body: text,
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

/** A direction orthogonal to every other one used here: at distance 1 from all, so it is indexed and found by none. */
const far = (i: number) => `vec:${[...Array(2 + i).fill(0), 1].join(",")}`;

async function seed(): Promise<void> {
  await database.driver.exec("TRUNCATE grouping_records, grouping_decisions CASCADE");
  // v2 finds nothing in an empty index and falls back to v1, so these records carry both models' vectors.
  for (const [hash, d] of [
    ["s00", 0],
    ["s03", 0.03],
    ["s08", 0.08],
  ] as const) {
    await similar({ project_id: 11, hash, stacktrace: traceAt(d), model: "v2", threshold: 0.0001, k: 1 });
  }
  await similar({ project_id: 12, hash: "t00", stacktrace: traceAt(0), model: "v1", k: 1 });
}

/** Requests of every kind, none of which can change another's answer (new records go to far, distinct directions). */
function mixedRequests(): Record<string, unknown>[] {
  const requests: Record<string, unknown>[] = [];
  for (const project of [11, 12]) {
    for (const model of ["v1", "v2"]) {
      for (const k of [1, 3, 5]) {
        requests.push({
          project_id: project,
          hash: `r-${project}-${model}-${k}`,
          stacktrace: traceAt(0.01 * k),
          model,
          k,
          read_only: true,
        });
        requests.push({
          project_id: project,
          hash: `m-${project}-${model}-${k}`,
          stacktrace: traceAt(0.005 * k),
          model,
          k,
          threshold: 0.05,
        });
        requests.push({
          project_id: project,
          hash: `x-${project}-${model}-${k}`,
          stacktrace: traceAt(0.02),
          model,
          k,
          use_reranking: true,
          threshold: 0.04,
        });
      }
      requests.push({
        project_id: project,
        hash: `skip-${project}-${model}`,
        stacktrace: traceAt(0.02),
        model,
        skip_fallback: true,
        read_only: true,
      });
    }
  }
  for (let i = 0; i < 8; i += 1) {
    const model = i % 2 ? "v2" : "v1";
    requests.push({ project_id: 11 + (i % 3), hash: `new-${i}`, stacktrace: far(i), model, k: i % 4, threshold: 0.02 });
  }
  // The same new hash three times: one record, as when they come one after another.
  for (let i = 0; i < 3; i += 1) requests.push({ project_id: 11, hash: "dup", stacktrace: far(20), k: 1 });
  requests.push({ project_id: 11, hash: "trained", stacktrace: far(21), model: "v2", training_mode: true });
  requests.push({ project_id: 11, hash: "bad", stacktrace: traceAt(0), model: "v9" });
  return requests;
}

async function state() {
  const records = await database.driver.query(
    `SELECT project_id, hash, v1 IS NOT NULL AS has_v1, v2 IS NOT NULL AS has_v2 FROM grouping_records
      ORDER BY project_id, hash`,
  );
  const decisions = await database.driver.query<{ should_group: boolean }>(
    `SELECT project_id, hash, model_requested, model_used, fallback, parent_hash, distance, should_group, inserted,
            read_only, training_mode
       FROM grouping_decisions ORDER BY project_id, hash, inserted, id`,
  );
  return { records, decisions };
}

describe("coalesced similar-issues calls", () => {
  it("answer many concurrent mixed requests exactly as the same requests sent one by one, sharing their statements", async () => {
    const requests = mixedRequests();

    configureCoalescing({ enabled: false });
    await seed();
    const oneByOne = [];
    for (const request of requests) oneByOne.push(await similar(request));
    const sequentialState = await state();

    configureCoalescing({ enabled: true });
    await seed();
    const before = coalescingStats();
    const concurrent = await Promise.all(requests.map((request) => similar(request)));
    const after = coalescingStats();

    expect(concurrent).toEqual(oneByOne);
    expect(await state()).toEqual(sequentialState);
    // Sanity of the comparison: some requests merged, some were indexed, one failed for its own reason.
    expect(oneByOne.filter((r) => r.status === 400)).toHaveLength(1);
    expect(sequentialState.records.length).toBeGreaterThan(4 + 8);
    expect(sequentialState.decisions.some((d) => d.should_group === true)).toBe(true);
    // The concurrent requests shared their SQL: some lookup and some write batches held several requests.
    expect(after.search.items - before.search.items).toBeGreaterThan(after.search.batches - before.search.batches);
    expect(after.search.largestBatch).toBeGreaterThan(1);
    expect(after.write.largestBatch).toBeGreaterThan(1);
  }, 120_000);
});
