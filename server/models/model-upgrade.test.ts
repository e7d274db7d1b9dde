import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tinyModelsDir } from "../inference/testing/tiny-models";
import { appErrorEvent } from "../testing/events";
import { projectMaker } from "../testing/ingest-projects";
import { setUpTestApi, signedInCookies, signedPost } from "../testing/test-environment";
import { multipartUpload, tinyModelConfig, tinyModelOnnx } from "./testing/artifact";
import { resetModelVersions } from "./versions";

// The real registry (small v1 and v2 ONNX models) and a DATA_DIR of this file's own, where registered models go.
process.env.MODELS_DIR = tinyModelsDir();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "regroup-model-upgrade-"));
process.env.DATA_DIR = dataDir;

const api = setUpTestApi();
const database = api.database;
const cookies = signedInCookies();
const newProject = projectMaker(database, 700, "upgrade-");
afterAll(() => {
  resetModelVersions();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A third model: the v2 architecture with other weights, stored at 32 dimensions in its own column. */
const v3Config = tinyModelConfig("v3", 32);
const v3Model = tinyModelOnnx();

async function upload(files: Record<string, string | Uint8Array>, cookie = cookies.admin) {
  const { contentType, body } = await multipartUpload(files);
  const response = await fetch(`${api.url}/api/models`, {
    method: "POST",
    headers: { cookie, "content-type": contentType },
    body,
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown> & { error?: { message: string } },
  };
}

/** The evaluation report `npm run train` writes, naming this model. */
const evaluationOf = (version: string) =>
  JSON.stringify({
    pairs: { dev: 1000 },
    dev: {
      models: {
        [version]: { dims: { "32": { threshold: 0.1, precision: 0.97, recall: 0.8, recall_at_p95: 0.85, auc: 0.97 } } },
      },
    },
  });

const v3Files = (config: object = v3Config, model: Uint8Array = v3Model) => ({ config: JSON.stringify(config), model });

const query = <T>(sql: string, params: unknown[] = []) => database.driver.query<T>(sql, params);
const v3Column = async () =>
  query<{ data_type: string }>(
    `SELECT format_type(atttypid, atttypmod) AS data_type FROM pg_attribute
      WHERE attrelid = 'grouping_records'::regclass AND attname = 'v3' AND NOT attisdropped`,
  );
/** v3's indexes: its HNSW index and the partial index of the records it has no vector of. */
const v3Index = async () =>
  query(
    `SELECT indexname FROM pg_indexes WHERE indexname IN ('grouping_records_v3_idx', 'grouping_records_v3_unseen_idx') ORDER BY indexname`,
  );
const v3Vectors = async () =>
  Number((await query<{ n: number }>("SELECT count(v3)::int AS n FROM grouping_records"))[0]!.n);

async function sendEvent(project: { id: number; publicKey: string }, value: string, path: string) {
  const event = appErrorEvent("python", value, path);
  const response = await fetch(`${api.url}/api/${project.id}/store/?sentry_key=${project.publicKey}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(event),
  });
  expect(response.status).toBe(200);
  const { id } = (await response.json()) as { id: string };
  const rows = await query<{ group_id: number; grouping_method: string }>(
    "SELECT group_id, grouping_method::text FROM events WHERE project_id = $1 AND event_id = $2",
    [project.id, id.replace(/-/g, "")],
  );
  return rows[0]!;
}

const lastDecision = async (projectId: number) =>
  (
    await query<{ model_requested: string; model_used: string; fallback: boolean; should_group: boolean }>(
      `SELECT model_requested, model_used, fallback, should_group FROM grouping_decisions
        WHERE project_id = $1 AND NOT training_mode ORDER BY id DESC LIMIT 1`,
      [projectId],
    )
  )[0]!;

async function flip(projectId: number, groupingModel: string) {
  return api.call(cookies.admin, "POST", "/api/rollout/flags", {
    projectIds: [projectId],
    change: { groupingModel },
    reason: `move to ${groupingModel}`,
  });
}

const status = (version: string, to: string, cookie = cookies.admin) =>
  api.call<{ status?: string; error?: { message: string } }>(cookie, "POST", `/api/models/${version}/status`, {
    status: to,
    reason: `make ${version} ${to}`,
  });

describe("registering a model from its artifact (POST /api/models)", () => {
  it("refuses a broken artifact with a 4xx that says what is wrong, and leaves nothing behind", async () => {
    const cases: [Record<string, string | Uint8Array>, number, RegExp][] = [
      [{ config: JSON.stringify(v3Config) }, 400, /lacks model/],
      [{ config: "{not json", model: v3Model }, 400, /config\.json is not valid JSON/],
      [v3Files({ ...v3Config, version: "three" }), 400, /"v" followed by digits/],
      [v3Files({ ...v3Config, column: "v3; DROP TABLE events" }), 400, /column/],
      [v3Files({ ...v3Config, dimensionProduced: 512, dimensionStored: 32 }), 400, /produced 768 dimensions/],
      [v3Files(v3Config, new TextEncoder().encode("not an onnx model")), 400, /could not embed a test trace/],
      [v3Files({ ...v3Config, tokenizer: { kind: "tokenizer.json" } }), 400, /upload its tokenizer\.json/],
      [v3Files({ ...v3Config, version: "v1", column: "v9" }), 409, /registered already/],
      [{ ...v3Files(), evaluation: evaluationOf("v2") }, 400, /evaluation\.json has no results for v3 \(it names v2\)/],
    ];
    for (const [files, expected, message] of cases) {
      const answer = await upload(files);
      expect(answer.status, JSON.stringify(answer.body)).toBe(expected);
      expect(answer.body.error?.message).toMatch(message);
    }
    expect((await upload(v3Files(), cookies.labeler)).status).toBe(403);
    const notMultipart = await api.call(cookies.admin, "POST", "/api/models", v3Config);
    expect(notMultipart.status).toBe(415);

    expect(await query("SELECT * FROM model_versions")).toEqual([]);
    expect(await v3Column()).toEqual([]);
    expect(fs.readdirSync(path.join(dataDir, "models"))).toEqual([]);
  });

  it("adds the model's column and HNSW index, records that DDL, audits it and lists the model as next", async () => {
    const answer = await upload({ ...v3Files(), evaluation: evaluationOf("v3") });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body).toMatchObject({ version: "v3", column: "v3" });
    expect(answer.body.ddl).toEqual([
      'ALTER TABLE "grouping_records" ADD COLUMN "v3" vector(32)',
      'CREATE INDEX "grouping_records_v3_idx" ON "grouping_records" USING hnsw ("v3" vector_cosine_ops) WITH (m = 8, ef_construction = 64)',
      'CREATE INDEX "grouping_records_v3_unseen_idx" ON "grouping_records" ("project_id") WHERE "v3" IS NULL',
    ]);
    expect(await v3Column()).toEqual([{ data_type: "vector(32)" }]);
    expect(await v3Index()).toHaveLength(2);
    expect(fs.existsSync(path.join(dataDir, "models", "v3", "model.onnx"))).toBe(true);

    const list = await api.call<{ models: Record<string, unknown>[] }>(cookies.viewer, "GET", "/api/models");
    expect(list.body.models.map((model) => [model.version, model.status])).toEqual([
      ["v1", "stable"],
      ["v2", "next"],
      ["v3", "next"],
    ]);
    const v3 = list.body.models.find((model) => model.version === "v3")!;
    expect(v3).toMatchObject({ source: "registered", dimensionStored: 32, indexPresent: true, indexedRecords: 0 });
    expect(v3.evaluation).toEqual([
      { dims: 32, threshold: 0.1, precision: 0.97, recall: 0.8, recallAtP95: 0.85, auc: 0.97 },
    ]);
    expect((v3.ddl as { sql: string }[]).map((d) => d.sql)).toEqual(answer.body.ddl);
    const audit = await database.prisma.auditEntry.findFirst({ where: { action: "model.register" } });
    expect(audit).toMatchObject({ targetId: "v3" });

    const again = await upload(v3Files());
    expect(again.status).toBe(409);
  });

  it("takes the traffic of a project flipped to it, with fallback to the stable model; decisions say which", async () => {
    const project = await newProject();
    // Indexed by the stable model before the project moves.
    const before = await sendEvent(project, "card declined by the payment gateway", "charge_card_for_order");
    expect(before.grouping_method).toBe("new");
    expect((await flip(project.id, "v3")).status).toBe(200);

    // Another fingerprint, the same trace but one function's name: v3 has no vector of the old issue yet, so it
    // finds nothing; the stable model, searching what v3 has not indexed, finds it.
    const fallback = await sendEvent(project, "card declined by the payment gateway", "charge_card_for_orders");
    expect(await lastDecision(project.id)).toEqual({
      model_requested: "v3",
      model_used: "v1",
      fallback: true,
      should_group: true,
    });
    expect(fallback).toEqual({ group_id: before.group_id, grouping_method: "ai" });

    // A new trace is indexed by v3, and a near one is then merged by v3 itself.
    const vectors = await v3Vectors();
    const fresh = await sendEvent(project, "inventory count went negative for a warehouse", "reserve_stock_items");
    expect(fresh.grouping_method).toBe("new");
    expect(await v3Vectors()).toBe(vectors + 1);
    const byV3 = await sendEvent(project, "inventory count went negative for a warehouse", "reserve_stock_item");
    expect(await lastDecision(project.id)).toMatchObject({
      model_requested: "v3",
      model_used: "v3",
      should_group: true,
    });
    expect(byV3).toEqual({ group_id: fresh.group_id, grouping_method: "ai" });
  });

  it("retires the model only once no project is on it; then nothing writes its column and no call may use it", async () => {
    const project = await database.prisma.project.findFirstOrThrow({ where: { slug: { startsWith: "upgrade-" } } });
    const refused = await status("v3", "retired");
    expect(refused.status).toBe(409);
    expect(refused.body.error?.message).toMatch(/1 project\(s\) are on v3 \(upgrade-701\)/);
    expect((await flip(project.id, "v1")).status).toBe(200);
    expect((await status("v3", "retired", cookies.labeler)).status).toBe(403);
    expect(await status("v3", "retired")).toMatchObject({ status: 200, body: { version: "v3", status: "retired" } });

    const written = await v3Vectors();
    const other = await newProject();
    await sendEvent(project, "a brand new failure of the shipping label printer", "print_label");
    await sendEvent(other, "a brand new failure of the shipping label printer", "print_label");
    expect(await v3Vectors()).toBe(written);
    expect((await flip(project.id, "v3")).body).toMatchObject({ error: { message: expect.stringMatching(/retired/) } });

    const call = await signedPost(api.url, "/api/v0/issues/similar-issues", {
      project_id: project.id,
      stacktrace: "ValueError: x",
      hash: "a".repeat(32),
      model: "v3",
    });
    expect(call.status).toBe(400);

    // Its index can go now; the column keeps its vectors, and the DDL is recorded beside the one that made it.
    const dropped = await api.call<{ ddl: string[] }>(cookies.admin, "DELETE", "/api/models/v3/index", {
      reason: "gone",
    });
    expect(dropped).toMatchObject({
      status: 200,
      body: {
        ddl: [
          'DROP INDEX IF EXISTS "grouping_records_v3_idx"',
          'DROP INDEX IF EXISTS "grouping_records_v3_unseen_idx"',
        ],
      },
    });
    expect(await v3Index()).toEqual([]);
    const row = await database.prisma.modelVersion.findUniqueOrThrow({ where: { version: "v3" } });
    expect((row.ddl as { sql: string }[]).map((d) => d.sql)).toHaveLength(5);
    expect((await status("v3", "next")).status).toBe(409);
  });

  it("promotes a next model to stable: projects without a flag move to it, the former stable one stays served", async () => {
    expect(await status("v2", "stable")).toMatchObject({ status: 200, body: { status: "stable" } });
    const list = await api.call<{ models: { version: string; status: string }[] }>(
      cookies.viewer,
      "GET",
      "/api/models",
    );
    expect(list.body.models.map((model) => [model.version, model.status])).toEqual([
      ["v1", "next"],
      ["v2", "stable"],
      ["v3", "retired"],
    ]);
    // (The similar-issues call above made the Sentry project's own project, with the next id.)
    const project = await projectMaker(database, 7100, "promoted-")();
    await sendEvent(project, "a fresh project's first failure", "first_call");
    expect(await lastDecision(project.id)).toMatchObject({ model_requested: "v2" });
    expect((await status("v2", "retired")).status).toBe(409);
  });
});
