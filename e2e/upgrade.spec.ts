import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { untilIngested } from "./server";
import { e2eAdmin, signInThroughApi } from "./sign-in";

/**
 * A model upgrade from the console, end to end: an admin registers a third model from its files (config.json and
 * model.onnx and evaluation.json, as `npm run train` writes them; here the trained v2 network under the name v3, so its
 * evaluation is v2's),
 * regroup adds its column and HNSW index, a demo project is moved to it on the Rollout page and its next event is
 * decided by v3 (or by v1 on fallback, and the decision says so); retiring v3 is refused while the project is on it,
 * and once the project is back on v1 and v3 is retired, nothing writes v3's column any more.
 *
 * The specs share one server and run in file order; this one is last, as the model and the decisions it adds would
 * show on the pages the others look at as the demo left them (the Overgrouping page's models, say).
 */
const v2Folder = path.resolve("models", "v2");

function v3Files(): { config: string; model: string; evaluation: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "regroup-e2e-v3-"));
  const v2 = JSON.parse(fs.readFileSync(path.join(v2Folder, "config.json"), "utf8")) as Record<string, unknown>;
  const config = {
    ...v2,
    version: "v3",
    column: "v3",
    description: "The trained stacktrace encoder, registered from the console.",
  };
  fs.writeFileSync(path.join(dir, "config.json"), JSON.stringify(config, null, 2));
  fs.copyFileSync(path.join(v2Folder, "model.onnx"), path.join(dir, "model.onnx"));
  // The report names the model it evaluated: the same network's results, under its new name.
  const report = JSON.parse(fs.readFileSync(path.join(v2Folder, "evaluation.json"), "utf8")) as {
    dev: { models: Record<string, unknown> };
  };
  report.dev.models = { v3: report.dev.models.v2 };
  fs.writeFileSync(path.join(dir, "evaluation.json"), JSON.stringify(report));
  return {
    config: path.join(dir, "config.json"),
    model: path.join(dir, "model.onnx"),
    evaluation: path.join(dir, "evaluation.json"),
  };
}

interface ModelRow {
  version: string;
  status: string;
  indexedRecords: number;
}

async function models(api: APIRequestContext): Promise<ModelRow[]> {
  return ((await (await api.get("/api/models")).json()) as { models: ModelRow[] }).models;
}

/** Sends one new Python error to the project through its store endpoint and answers its issue's first decision. */
async function sendNewError(page: Page, projectId: number) {
  const { dsn } = (await (await page.request.get(`/api/projects/${projectId}`)).json()).project;
  const key = new URL(dsn as string).username;
  const type = `ModelUpgradeE2E${Date.now()}Error`;
  const frame = (fn: string, line: number) => ({
    function: fn,
    module: `app.${fn}`,
    filename: `app/${fn}.py`,
    lineno: line,
    context_line: `${fn}()`,
    in_app: true,
  });
  const event = {
    platform: "python",
    exception: {
      values: [{ type, value: "made after the move", stacktrace: { frames: [frame("main", 3), frame("settle", 9)] } }],
    },
  };
  const stored = await page.request.post(`/api/${projectId}/store/?sentry_key=${key}&sentry_version=7`, {
    data: event,
  });
  expect(stored.status()).toBe(200);
  await untilIngested(page.request);
  const list = await (await page.request.get(`/api/projects/${projectId}/issues?q=${type}`)).json();
  const issue = (list.issues as { id: number; title: string }[]).find((i) => i.title.startsWith(type));
  expect(issue, "the new event's issue").toBeDefined();
  const detail = await (await page.request.get(`/api/issues/${issue!.id}`)).json();
  return {
    issueId: issue!.id,
    decision: detail.events[0].whyGrouped.decision as { modelRequested: string; modelUsed: string; fallback: boolean },
  };
}

test("an admin registers a third model, moves a project to it, and retires it once the project is back", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signInThroughApi(page, e2eAdmin);
  await page.goto("/models");
  const form = page.getByRole("region", { name: "Register a model" });
  const files = v3Files();
  await form.getByLabel("config.json").setInputFiles(files.config);
  await form.getByLabel("model.onnx").setInputFiles(files.model);
  await form.getByLabel(/^evaluation\.json/).setInputFiles(files.evaluation);
  await form.getByRole("button", { name: "Register" }).click();
  await expect(form.getByRole("status")).toContainText("Registered v3 (column v3)", { timeout: 60_000 });
  await expect(form.getByRole("status")).toContainText('ADD COLUMN "v3" vector(64)');
  const card = page.getByRole("region", { name: "Model v3" });
  await expect(card).toContainText("next");
  await expect(card).toContainText(`registered by ${e2eAdmin.email}`);
  await expect(card).toContainText("v3, HNSW index");
  await expect(card.getByRole("table")).toContainText("Recall at 95% precision");
  await card.getByText("DDL regroup ran for it (3)").click();
  await expect(card).toContainText(
    '"grouping_records_v3_unseen_idx" ON "grouping_records" ("project_id") WHERE "v3" IS NULL',
  );
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "e2e/screenshots/models-registered.png", fullPage: true });

  // A demo project on v1 moves to v3 through the Rollout page's confirmation.
  const rows = (
    (await (await page.request.get("/api/rollout")).json()) as {
      projects: { id: number; name: string; groupingModel: string }[];
    }
  ).projects;
  const project = rows.find((row) => row.groupingModel === "v1")!;
  await page.goto("/rollout");
  const row = page
    .getByRole("table", { name: "Rollout by project" })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: new RegExp(project.name) }) });
  await row.getByRole("button", { name: `Move ${project.name} to v3` }).click();
  const dialog = page.getByRole("dialog", { name: `Move ${project.name} to v3` });
  await dialog.getByLabel("Reason").fill("e2e: try the registered model");
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByRole("cell").first()).toHaveText("v3");

  // Its next new error is decided by v3 (v1 answers only when v3 finds nothing, and the decision says so).
  const { issueId, decision } = await sendNewError(page, project.id);
  expect(decision.modelRequested).toBe("v3");
  expect(decision.fallback).toBe(decision.modelUsed === "v1");
  await page.goto(`/issues/${issueId}`);
  await page.getByRole("region", { name: "Events" }).locator("summary").first().click();
  await expect(
    page.getByText(decision.fallback ? "v3 found nothing, so v1 answered (fallback)" : "v3 answered"),
  ).toBeVisible();
  expect((await models(page.request)).find((m) => m.version === "v3")!.indexedRecords).toBeGreaterThan(0);

  // Retiring v3 is refused while the project is on it.
  await page.goto("/models");
  await card.getByRole("button", { name: "Retire" }).click();
  const retire = page.getByRole("dialog", { name: "Retire v3" });
  await retire.getByLabel("Reason (kept in the audit log)").fill("e2e: done trying");
  await retire.getByRole("button", { name: "Retire" }).click();
  await expect(retire).toContainText(`1 project(s) are on v3`);
  await retire.getByRole("button", { name: "Cancel" }).click();

  // Back on v1, v3 retires; the project's next new error writes no v3 vector.
  const back = await page.request.post("/api/rollout/flags", {
    data: { projectIds: [project.id], change: { groupingModel: "v1" }, reason: "e2e: back to v1" },
  });
  expect(back.status()).toBe(200);
  await card.getByRole("button", { name: "Retire" }).click();
  await retire.getByLabel("Reason (kept in the audit log)").fill("e2e: done trying");
  await retire.getByRole("button", { name: "Retire" }).click();
  await expect(retire).toBeHidden();
  await expect(card).toContainText("retired");
  await expect(card.getByRole("button", { name: "Drop its index" })).toBeVisible();
  const written = (await models(page.request)).find((m) => m.version === "v3")!.indexedRecords;
  const after = await sendNewError(page, project.id);
  expect(after.decision.modelRequested).toBe("v1");
  expect((await models(page.request)).find((m) => m.version === "v3")!.indexedRecords).toBe(written);
  await page.goto("/models");
  await page.getByRole("region", { name: "Model v3" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: "e2e/screenshots/models-retired.png", fullPage: true });
});
