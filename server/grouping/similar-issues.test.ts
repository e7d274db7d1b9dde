import { beforeEach, describe, expect, it } from "vitest";
import { signatureHeader } from "../http/rpc-signature";
import { setUpTestApi } from "../testing/test-environment";
import { fixtureModels, traceAt } from "../testing/fixture-models";

const api = setUpTestApi({ models: fixtureModels });
const database = api.database;
const SECRET = process.env.GROUPING_API_SECRET!;

beforeEach(async () => {
  await database.driver.exec("TRUNCATE grouping_records, grouping_decisions CASCADE");
});

interface SimilarResponse {
  responses: { parent_hash: string; stacktrace_distance: number; should_group: boolean }[];
  model_used: string;
}

async function post(path: string, body: unknown, options: { secret?: string | null; raw?: string } = {}) {
  const text = options.raw ?? JSON.stringify(body);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.secret !== null) headers.authorization = signatureHeader(text, options.secret ?? SECRET);
  const response = await fetch(`${api.url}${path}`, { method: "POST", headers, body: text });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const similar = async (body: Record<string, unknown>) => {
  const response = await post("/api/v0/issues/similar-issues", { project_id: 1, k: 1, ...body });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as unknown as SimilarResponse;
};

const records = async (projectId?: number) =>
  database.driver.query<{
    hash: string;
    project_id: number;
    exception_type: string | null;
    has_v1: boolean;
    has_v2: boolean;
  }>(
    `SELECT hash, project_id, exception_type, v1 IS NOT NULL AS has_v1, v2 IS NOT NULL AS has_v2
       FROM grouping_records ${projectId ? `WHERE project_id = ${projectId}` : ""} ORDER BY hash`,
  );
const decisionCount = async () =>
  Number((await database.driver.query<{ n: number }>("SELECT count(*)::int AS n FROM grouping_decisions"))[0]!.n);

describe("POST /api/v0/issues/similar-issues", () => {
  it("stores a new trace when nothing is within the threshold, and merges the next one that is", async () => {
    const first = await similar({ hash: "a", stacktrace: traceAt(0), exception_type: "ValueError" });
    expect(first).toEqual({ responses: [], model_used: "v1" });
    expect(await records()).toEqual([
      { hash: "a", project_id: 1, exception_type: "ValueError", has_v1: true, has_v2: false },
    ]);

    const near = await similar({ hash: "b", stacktrace: traceAt(0.004) });
    expect(near.responses).toHaveLength(1);
    expect(near.responses[0]).toMatchObject({ parent_hash: "a", should_group: true });
    expect(near.responses[0]!.stacktrace_distance).toBeCloseTo(0.004, 4);
    expect((await records()).map((r) => r.hash)).toEqual(["a"]); // a merge is not indexed

    const far = await similar({ hash: "c", stacktrace: traceAt(0.5) });
    expect(far.responses).toEqual([]);
    expect((await records()).map((r) => r.hash)).toEqual(["a", "c"]);
  });

  it("never returns the request's own hash and never duplicates (project_id, hash)", async () => {
    await similar({ hash: "same", stacktrace: traceAt(0) });
    const again = await similar({ hash: "same", stacktrace: traceAt(0) });
    expect(again.responses).toEqual([]);
    expect(await records()).toHaveLength(1);
  });

  it("searches only within the project, and registers an unknown project on first use", async () => {
    await similar({ project_id: 424242, hash: "other-project", stacktrace: traceAt(0) });
    const [project] = await database.driver.query("SELECT id, slug FROM projects WHERE id = 424242");
    expect(project).toEqual({ id: 424242, slug: "project-424242" });
    const mine = await similar({ project_id: 1, hash: "mine", stacktrace: traceAt(0) });
    expect(mine.responses).toEqual([]);
  });

  it("returns at most k neighbours within the threshold, nearest first", async () => {
    // Index three traces (a tiny threshold keeps them from merging into each other).
    for (const [hash, d] of [
      ["d02", 0.02],
      ["d04", 0.04],
      ["d06", 0.06],
    ] as const) {
      await similar({ hash, stacktrace: traceAt(d), threshold: 0.0001 });
    }
    const three = await similar({ hash: "q", stacktrace: traceAt(0), threshold: 0.05, k: 5, read_only: true });
    // read_only searches within 0.1 but only what is within the threshold should group.
    expect(three.responses.map((r) => [r.parent_hash, r.should_group])).toEqual([
      ["d02", true],
      ["d04", true],
      ["d06", false],
    ]);
    const distances = three.responses.map((r) => r.stacktrace_distance);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));

    const within = await similar({ hash: "q", stacktrace: traceAt(0), threshold: 0.05, k: 5 });
    expect(within.responses.map((r) => r.parent_hash)).toEqual(["d02", "d04"]);
    const one = await similar({ hash: "q2", stacktrace: traceAt(0), threshold: 0.05, k: 1 });
    expect(one.responses.map((r) => r.parent_hash)).toEqual(["d02"]);
    expect((await records()).map((r) => r.hash)).toEqual(["d02", "d04", "d06"]); // merges and read-only insert nothing

    const reranked = await similar({ hash: "q3", stacktrace: traceAt(0), threshold: 0.05, k: 5, use_reranking: true });
    expect(reranked.responses.map((r) => r.parent_hash)).toEqual(["d02", "d04"]);
    expect(reranked.responses[0]!.stacktrace_distance).toBeCloseTo(0.02, 6);
  });

  it("falls back from v2 to v1 when v2 finds nothing, unless skip_fallback; model_used says who answered", async () => {
    // Indexed by v1 only (as before a project moves to v2).
    await similar({ hash: "old", stacktrace: "v1=1,0;v2=1,0", model: "v1" });
    const fallback = await similar({ hash: "new", stacktrace: "v1=1,0.05;v2=0,1", model: "v2" });
    expect(fallback.model_used).toBe("v1");
    expect(fallback.responses[0]).toMatchObject({ parent_hash: "old", should_group: true });

    const skipped = await similar({
      hash: "new",
      stacktrace: "v1=1,0.05;v2=0,1",
      model: "v2",
      skip_fallback: true,
      read_only: true,
    });
    expect(skipped).toEqual({ responses: [], model_used: "v2" });

    // Both models found nothing: the new record carries both embeddings.
    await similar({ hash: "fresh", stacktrace: "v1=0,0,1;v2=0,0,1", model: "v2" });
    expect((await records()).find((r) => r.hash === "fresh")).toMatchObject({ has_v1: true, has_v2: true });
    const byV2 = await similar({ hash: "fresh2", stacktrace: "v1=0,1,0;v2=0,0.01,1", model: "v2" });
    expect(byV2.model_used).toBe("v2");
    expect(byV2.responses[0]).toMatchObject({ parent_hash: "fresh", should_group: true });
  });

  it("does not let v1 merge into an issue that v2 has a vector of and found too far", async () => {
    // Indexed on v2 (both vectors): v2 keeps it apart from the next trace, v1 alone would merge them.
    await similar({ hash: "seen", stacktrace: "v1=1,0;v2=1,0", model: "v2" });
    expect((await records()).find((r) => r.hash === "seen")).toMatchObject({ has_v1: true, has_v2: true });
    const apart = await similar({ hash: "other-cause", stacktrace: "v1=1,0.05;v2=0,1", model: "v2" });
    expect(apart.responses.filter((r) => r.should_group)).toEqual([]);
    expect((await records()).map((r) => r.hash)).toEqual(["other-cause", "seen"]);

    // Indexed before the move (v1 only): the fallback still finds it.
    await similar({ hash: "legacy", stacktrace: "v1=0,0,1;v2=0,0,1", model: "v1" });
    const fallback = await similar({ hash: "legacy-again", stacktrace: "v1=0,0.05,1;v2=0,0,0,1", model: "v2" });
    expect(fallback.model_used).toBe("v1");
    expect(fallback.responses[0]).toMatchObject({ parent_hash: "legacy", should_group: true });
  });

  it("in training mode fills the next model's column for the hash and answers nothing", async () => {
    await similar({ hash: "legacy", stacktrace: "v1=1,0;v2=1,0", model: "v1" });
    expect((await records())[0]).toMatchObject({ has_v1: true, has_v2: false });
    const training = await similar({ hash: "legacy", stacktrace: "v1=1,0;v2=1,0", model: "v2", training_mode: true });
    expect(training).toEqual({ responses: [], model_used: "v2" });
    expect(await records()).toEqual([expect.objectContaining({ hash: "legacy", has_v1: true, has_v2: true })]);
  });

  it("records every call in grouping_decisions with its latency", async () => {
    await similar({ hash: "x", stacktrace: traceAt(0) });
    await similar({ hash: "y", stacktrace: traceAt(0.005), model: "v2" });
    const rows = await database.driver.query<Record<string, unknown>>(
      `SELECT hash, model_requested, model_used, fallback, parent_hash, should_group, inserted, latency_ms
         FROM grouping_decisions ORDER BY id`,
    );
    expect(rows).toEqual([
      expect.objectContaining({
        hash: "x",
        model_requested: "v1",
        model_used: "v1",
        fallback: false,
        parent_hash: null,
        inserted: true,
      }),
      expect.objectContaining({
        hash: "y",
        model_requested: "v2",
        model_used: "v1",
        fallback: true,
        parent_hash: "x",
        should_group: true,
        inserted: false,
      }),
    ]);
    for (const row of rows) expect(row.latency_ms as number).toBeGreaterThan(0);
  });

  it("keeps exactly one record when 50 identical new requests arrive at once", async () => {
    const body = { project_id: 7, hash: "burst", stacktrace: traceAt(0), k: 1 };
    const results = await Promise.all(Array.from({ length: 50 }, () => post("/api/v0/issues/similar-issues", body)));
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect(await records(7)).toHaveLength(1);
    expect(await decisionCount()).toBe(50);
  });

  describe("bad requests get a 4xx with the reason, and write nothing", () => {
    const cases: [string, { body?: unknown; raw?: string; secret?: string | null }, number, RegExp][] = [
      [
        "no signature",
        { body: { project_id: 1, hash: "h", stacktrace: "t" }, secret: null },
        401,
        /Missing Authorization/,
      ],
      [
        "a wrong signature",
        { body: { project_id: 1, hash: "h", stacktrace: "t" }, secret: "not-the-secret" },
        401,
        /signature does not match/,
      ],
      ["malformed JSON", { raw: '{"project_id": 1,' }, 400, /not valid JSON/],
      [
        "an empty stacktrace",
        { body: { project_id: 1, hash: "h", stacktrace: "" } },
        400,
        /stacktrace: must not be empty/,
      ],
      [
        "a wrong type",
        { body: { project_id: "one", hash: "h", stacktrace: "t" } },
        400,
        /project_id: Invalid input: expected number/,
      ],
      [
        "an unknown model",
        { body: { project_id: 1, hash: "h", stacktrace: "t", model: "v9" } },
        400,
        /Unknown model "v9"/,
      ],
      ["k out of range", { body: { project_id: 1, hash: "h", stacktrace: "t", k: 101 } }, 400, /k: Too big/],
      [
        "a threshold out of range",
        { body: { project_id: 1, hash: "h", stacktrace: "t", threshold: -0.1 } },
        400,
        /threshold: Too small/,
      ],
      [
        "a body over 1 MB",
        { body: { project_id: 1, hash: "h", stacktrace: "x".repeat(1_100_000) } },
        413,
        /larger than the limit/,
      ],
    ];
    for (const [name, request, status, message] of cases) {
      it(name, async () => {
        const response = await post("/api/v0/issues/similar-issues", request.body, {
          secret: request.secret,
          raw: request.raw,
        });
        expect(response.status).toBe(status);
        expect((response.body.error as { message: string }).message).toMatch(message);
        expect(await records()).toEqual([]);
        expect(await decisionCount()).toBe(0);
      });
    }
  });
});

describe("grouping records: bulk create and delete", () => {
  it("indexes a backfill batch, reporting groups that already have a neighbour", async () => {
    const response = await post("/api/v0/issues/similar-issues/grouping-record", {
      data: [
        { group_id: 1, hash: "g1", project_id: 3, exception_type: "KeyError" },
        { group_id: 2, hash: "g2", project_id: 3, exception_type: "KeyError" },
        { group_id: 3, hash: "g3", project_id: 3, exception_type: "TypeError" },
      ],
      stacktrace_list: [traceAt(0), traceAt(0.003), traceAt(0.6)],
    });
    expect(response.status).toBe(200);
    expect(response.body.success).toBe(true);
    expect(response.body.groups_with_neighbor).toEqual({
      "2": { parent_hash: "g1", stacktrace_distance: expect.closeTo(0.003, 4), should_group: true },
    });
    expect((await records(3)).map((r) => [r.hash, r.exception_type])).toEqual([
      ["g1", "KeyError"],
      ["g3", "TypeError"],
    ]);
  });

  it("answers 200 success false when data and stacktrace_list differ in length (as Seer), writing nothing", async () => {
    const response = await post("/api/v0/issues/similar-issues/grouping-record", {
      data: [{ group_id: 1, hash: "g1", project_id: 3 }],
      stacktrace_list: [traceAt(0), traceAt(0.5)],
    });
    expect(response).toEqual({ status: 200, body: { success: false, groups_with_neighbor: {} } });
    expect(await records()).toEqual([]);
  });

  it("deletes by hash list and by project", async () => {
    for (const hash of ["h1", "h2", "h3"]) await similar({ project_id: 5, hash, stacktrace: `random ${hash}` });
    await similar({ project_id: 6, hash: "h1", stacktrace: "random other" });
    const byHash = await post("/api/v0/issues/similar-issues/grouping-record/delete-by-hash", {
      project_id: 5,
      hash_list: ["h1", "h2"],
    });
    expect(byHash).toEqual({ status: 200, body: { success: true } });
    expect((await records(5)).map((r) => r.hash)).toEqual(["h3"]);
    expect((await records(6)).map((r) => r.hash)).toEqual(["h1"]);

    const path = "/api/v0/issues/similar-issues/grouping-record/delete/5";
    const wronglySigned = await fetch(`${api.url}${path}`, { headers: { authorization: signatureHeader("", "x") } });
    expect(wronglySigned.status).toBe(401);
    const signed = await fetch(`${api.url}${path}`, { headers: { authorization: signatureHeader("", SECRET) } });
    expect(await signed.json()).toEqual({ success: true });
    expect(await records(5)).toEqual([]);
    expect(await records(6)).toHaveLength(1);
  });
});
