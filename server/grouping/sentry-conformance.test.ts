import { describe, expect, it } from "vitest";
import { signatureHeader } from "../http/rpc-signature";
import { setUpTestApi } from "../testing/test-environment";
import { fixtureModels, traceAt } from "../testing/fixture-models";
import type { SimilarIssuesCallInput } from "./call";
import type { GroupingModels } from "./models";
import { groupingCall } from "./service";

/**
 * Replays, over HTTP on the root paths, what a Sentry server sends to its Seer (bodies shaped as in Sentry's
 * src/sentry/grouping/ingest/seer.py, seer/similarity/similar_issues.py, grouping_records.py and their tests), and
 * checks each answer has what Sentry's client code reads. The models' calibrated thresholds (0.08 and 0.15) differ
 * from the 0.01 Sentry adds to every call, so that the threshold rule shows.
 */
const SECRET = process.env.GROUPING_API_SECRET!;
const SENTRY_THRESHOLD = 0.01; // Sentry's SEER_MAX_GROUPING_DISTANCE, added to every similar-issues body
const PROJECT = 4_505_469_596_098_560; // a Sentry SaaS-sized project id, beyond 32 bits
const GROUP = 5_123_456_789; // a group id beyond 32 bits

const models: GroupingModels = {
  ...fixtureModels,
  get: (version) => {
    const model = fixtureModels.get(version);
    return model && { ...model, threshold: version === "v1" ? 0.08 : 0.15 };
  },
  stable: () => models.get("v1")!,
  next: () => models.get("v2")!,
};

const api = setUpTestApi({ models: models, remoteAddress: () => from });
const database = api.database;
/** The client address the next calls come from (undefined: the socket's, loopback). */
let from: string | undefined;

/** Python's json.dumps layout (", " and ": "), as Sentry writes its bodies: the signature covers these bytes. */
function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(", ")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${pythonJson(item)}`);
    return `{${entries.join(", ")}}`;
  }
  return JSON.stringify(value);
}

/** A call as Sentry makes it: signed with the shared secret, or (the deletes) with no Authorization at all. */
async function sentry(method: "GET" | "POST", path: string, body?: unknown, signed = true) {
  const text = body === undefined ? undefined : pythonJson(body);
  const headers: Record<string, string> = { "content-type": "application/json;charset=utf-8" };
  if (signed) headers.authorization = signatureHeader(text ?? "", SECRET);
  const response = await fetch(`${api.url}${path}`, { method, headers, body: text });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The body of Sentry's ingest lookup (get_seer_similar_issues), with the threshold make_similar_issues_request adds. */
function ingestLookup(hash: string, stacktrace: string, projectId = PROJECT) {
  return {
    threshold: SENTRY_THRESHOLD,
    event_id: `${hash}`.padEnd(32, "0"),
    hash,
    project_id: projectId,
    stacktrace,
    exception_type: "ZeroDivisionError",
    k: 1,
    referrer: "ingest",
    use_reranking: true,
    model: "v1",
    training_mode: false,
  };
}

const recordHashes = async (projectId: number) =>
  (
    await database.driver.query<{ hash: string }>(
      `SELECT r.hash FROM grouping_records r JOIN projects p ON p.id = r.project_id
        WHERE p.external_id = ${projectId} OR (p.external_id IS NULL AND p.id = ${projectId}) ORDER BY r.hash`,
    )
  ).map((row) => row.hash);

describe("a Sentry server using regroup as its Seer", () => {
  it("gets the answers its client code expects, call after call, on the root paths", async () => {
    // 1. Ingest: a new event finds nothing and is stored.
    const first = await sentry("POST", "/v0/issues/similar-issues", ingestLookup("hash-a", traceAt(0)));
    expect(first).toEqual({ status: 200, body: { responses: [], model_used: "v1" } });

    // 2. A near duplicate (distance 0.03: beyond Sentry's 0.01, within v1's calibrated 0.08) is grouped with it.
    const near = await sentry("POST", "/v0/issues/similar-issues", ingestLookup("hash-b", traceAt(0.03)));
    expect(near.status).toBe(200);
    expect(near.body.model_used).toBe("v1");
    expect(near.body.responses).toEqual([
      { parent_hash: "hash-a", stacktrace_distance: expect.closeTo(0.03, 4), should_group: true },
    ]);
    expect(await recordHashes(PROJECT)).toEqual(["hash-a"]);

    // 3. The match was not usable (say, a hybrid fingerprint): Sentry's k = 0 follow-up stores the event anyway.
    const followUp = await sentry("POST", "/v0/issues/similar-issues", {
      ...ingestLookup("hash-b", traceAt(0.03)),
      referrer: "ingest_follow_up",
      k: 0,
      use_reranking: false,
    });
    expect(followUp).toEqual({ status: 200, body: { responses: [], model_used: "v1" } });
    expect(await recordHashes(PROJECT)).toEqual(["hash-a", "hash-b"]);

    // 4. A backfill batch (post_bulk_grouping_records): one item near hash-a is reported for its group, one stored.
    const batch = await sentry("POST", "/v0/issues/similar-issues/grouping-record", {
      group_id_list: [GROUP, GROUP + 1],
      data: [
        { group_id: GROUP, hash: "hash-c", project_id: PROJECT, exception_type: "ZeroDivisionError" },
        { group_id: GROUP + 1, hash: "hash-d", project_id: PROJECT, exception_type: null },
      ],
      stacktrace_list: [traceAt(0.001), traceAt(0.6)],
      use_reranking: true,
    });
    expect(batch.status).toBe(200);
    expect(batch.body.success).toBe(true);
    const neighbours = batch.body.groups_with_neighbor as Record<string, { parent_hash: string }>;
    expect(Object.keys(neighbours)).toEqual([String(GROUP)]);
    expect(neighbours[String(GROUP)]!.parent_hash).toMatch(/^hash-[ab]$/);
    expect(await recordHashes(PROJECT)).toEqual(["hash-a", "hash-b", "hash-d"]);

    // 5. The "similar issues" tab: read-only, Sentry's default threshold, reranked; it stores nothing.
    const tab = await sentry("POST", "/v0/issues/similar-issues", {
      threshold: SENTRY_THRESHOLD,
      event_id: "e".repeat(32),
      hash: "hash-a",
      project_id: PROJECT,
      stacktrace: traceAt(0),
      exception_type: "ZeroDivisionError",
      read_only: true,
      referrer: "similar_issues",
      use_reranking: true,
      k: 10,
    });
    expect(tab.status).toBe(200);
    expect(tab.body.responses).toEqual([
      { parent_hash: "hash-b", stacktrace_distance: expect.closeTo(0.03, 4), should_group: true },
    ]);
    expect(await recordHashes(PROJECT)).toEqual(["hash-a", "hash-b", "hash-d"]);

    // 6. Deletes come unsigned: refused from a network that is not trusted, accepted from loopback.
    const byHash = { project_id: PROJECT, hash_list: ["hash-b"] };
    const deletePath = `/v0/issues/similar-issues/grouping-record/delete/${PROJECT}`;
    from = "203.0.113.7";
    try {
      const refused = await sentry("POST", "/v0/issues/similar-issues/grouping-record/delete-by-hash", byHash, false);
      expect(refused.status).toBe(401);
      expect((await sentry("GET", deletePath, undefined, false)).status).toBe(401);
    } finally {
      from = undefined;
    }
    expect(await recordHashes(PROJECT)).toEqual(["hash-a", "hash-b", "hash-d"]);

    const deleted = await sentry("POST", "/v0/issues/similar-issues/grouping-record/delete-by-hash", byHash, false);
    expect(deleted).toEqual({ status: 200, body: { success: true } });
    expect(await recordHashes(PROJECT)).toEqual(["hash-a", "hash-d"]);
    expect(await sentry("GET", deletePath, undefined, false)).toEqual({ status: 200, body: { success: true } });
    expect(await recordHashes(PROJECT)).toEqual([]);
  });

  it("groups a near duplicate sent the way Sentry sends it exactly when regroup's own ingest groups it", async () => {
    const distances = [0.002, 0.009, 0.011, 0.03, 0.07, 0.09, 0.14, 0.16, 0.3];
    for (const [index, distance] of distances.entries()) {
      for (const model of ["v1", "v2"]) {
        // Sentry's ingest call, on a project of its own (64-bit id)…
        const sentryProject = PROJECT + 1 + index * 2 + (model === "v2" ? 1 : 0);
        const base = traceAt(0);
        const trace = traceAt(distance);
        await sentry("POST", "/v0/issues/similar-issues", { ...ingestLookup("base", base, sentryProject), model });
        const fromSentry = await sentry("POST", "/v0/issues/similar-issues", {
          ...ingestLookup("dup", trace, sentryProject),
          model,
        });
        // …and the call regroup's ingest (server/ingest/ai-step.ts) makes for the same traces with the same model.
        const regroupProject = 100 + index * 2 + (model === "v2" ? 1 : 0);
        const ingestRequest = (hash: string, stacktrace: string): SimilarIssuesCallInput => ({
          projectId: regroupProject,
          stacktrace,
          hash,
          exceptionType: "ZeroDivisionError",
          model,
        });
        await groupingCall(ingestRequest("base", base), models, { record: false });
        const fromIngest = await groupingCall(ingestRequest("dup", trace), models, { record: false });

        const sentryGroups = (fromSentry.body.responses as { should_group: boolean }[])[0]?.should_group ?? false;
        const ingestGroups = fromIngest.similarIssues[0]?.shouldGroup ?? false;
        expect(sentryGroups, `${model} at distance ${distance}`).toBe(ingestGroups);
        expect(fromSentry.body.model_used, `${model} at distance ${distance}`).toBe(fromIngest.modelUsed);
        expect(sentryGroups).toBe(distance <= (model === "v1" ? 0.08 : 0.15));
      }
    }
  });
});
