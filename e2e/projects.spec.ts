import { createHmac } from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from "@playwright/test";
import { runInstrumentedApp } from "../server/ingest/testing/child-app";
import { e2eDataDir, e2ePort } from "./server";
import { e2eAdmin, signInThroughApi } from "./sign-in";

/**
 * Projects, end to end: an admin creates a project in the browser, a real Sentry SDK in a child process sends to the
 * DSN the page shows, and the page turns from "waiting for the first event" to a link to the issue. Rotating the key
 * (after the dialog says the old one stops working) makes the old DSN answer 401; deleting needs the slug typed.
 */
const testing = path.resolve("server/ingest/testing");
// Debian's python3-sentry-sdk (the real sentry-python) runs under /usr/bin/python3; .ci/run installs it.
const PYTHON = process.env.SENTRY_PYTHON ?? "/usr/bin/python3";
const pythonSdkInstalled = spawnSync(PYTHON, ["-c", "import sentry_sdk"]).status === 0;

/** The caller project ids this spec's grouping-API call uses (far above the demo's). */
const GROUPING_API_CALLER_IDS = 900_000_000;

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

// The projects this spec makes, deleted after it so that the specs after it see the demo's projects only.
const created: number[] = [];

/** Creates a project through the Projects page's dialog; the new project's page opens. Returns its DSN. */
async function createInBrowser(page: Page, name: string, platform: string): Promise<string> {
  await page.goto("/projects");
  await page.getByRole("button", { name: "Create project" }).click();
  const dialog = page.getByRole("dialog", { name: "Create a project" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Platform").selectOption(platform);
  await dialog.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(/\/projects\/\d+$/);
  created.push(Number(new URL(page.url()).pathname.split("/").pop()));
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return (await page.getByRole("region", { name: "DSN" }).locator("code").textContent())!;
}

/** Sends one event to the store endpoint with a DSN's key; the status of the answer. */
async function sendWith(api: APIRequestContext, dsn: string): Promise<number> {
  const url = new URL(dsn);
  const response = await api.post(`/api${url.pathname}/store/`, {
    headers: { "x-sentry-auth": `Sentry sentry_key=${url.username}, sentry_version=7` },
    data: { message: "sent by the e2e test", platform: "node" },
  });
  return response.status();
}

test.beforeEach(async ({ page }) => {
  await signInThroughApi(page);
});

test.afterAll(async () => {
  const admin = await playwrightRequest.newContext({ baseURL: `http://localhost:${e2ePort}` });
  expect((await admin.post("/api/auth/signin", { data: e2eAdmin })).status()).toBe(200);
  const { projects } = (await (await admin.get("/api/projects")).json()) as {
    projects: { id: number; slug: string; registeredByGroupingApi: boolean; callerProjectId: string | null }[];
  };
  for (const project of projects) {
    const ours = created.includes(project.id) || Number(project.callerProjectId) >= GROUPING_API_CALLER_IDS;
    if (!ours) continue;
    const response = await admin.delete(`/api/projects/${project.id}`, { data: { confirmation: project.slug } });
    expect(response.status()).toBe(200);
  }
  await admin.dispose();
});

test("an admin creates a project; the real @sentry/node SDK sends to the DSN shown; the page turns to the issue", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto("/projects");
  await page.getByRole("button", { name: "Create project" }).click();
  const dialog = page.getByRole("dialog", { name: "Create a project" });
  // An empty name is refused beside its field, before anything is sent.
  await dialog.getByRole("button", { name: "Create project" }).click();
  await expect(dialog.getByText("give the project a name")).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/project-create-dialog.png" });

  const name = `Checkout ${unique()}`;
  const dsn = await createInBrowser(page, name, "node");
  expect(dsn).toMatch(/^http:\/\/[0-9a-f]{32}@localhost:\d+\/\d+$/);
  const status = page.getByRole("status", { name: "First event" });
  await expect(status).toContainText("Waiting for the first event");
  await expect(page.getByLabel("SDK")).toHaveValue("node");
  await expect(page.getByLabel("Node.js setup code")).toContainText(`dsn: "${dsn}"`);
  await page.screenshot({ path: "e2e/screenshots/project-waiting.png", fullPage: true });

  const run = await runInstrumentedApp(process.execPath, [path.join(testing, "sentry-sdk-child.mjs")], dsn);
  expect(run.code, run.output).toBe(0);

  const link = status.getByRole("link");
  await expect(link).toHaveText(/^(Error: card declined for amount \d+|TypeError: Cannot read properties.*)$/, {
    timeout: 20_000,
  });
  await expect(status).toContainText("First event received");
  await expect(page.getByRole("table", { name: "Issues" }).getByRole("link")).toHaveCount(2);
  await page.screenshot({ path: "e2e/screenshots/project-first-event.png", fullPage: true });
  const title = await link.textContent();
  await link.click();
  await expect(page).toHaveURL(/\/issues\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: title! })).toBeVisible();
});

test("the real sentry-python SDK sends to a project made in the browser, and the page turns to its issue", async ({
  page,
}) => {
  test.skip(
    !pythonSdkInstalled,
    "Debian's python3-sentry-sdk is not installed for /usr/bin/python3 (.ci/run installs it)",
  );
  test.setTimeout(90_000);
  const dsn = await createInBrowser(page, `Billing ${unique()}`, "python");
  const status = page.getByRole("status", { name: "First event" });
  await expect(status).toContainText("Waiting for the first event");
  await expect(page.getByLabel("Python setup code")).toContainText(`dsn="${dsn}"`);

  const run = await runInstrumentedApp(PYTHON, [path.join(testing, "sentry-python-child.py")], dsn);
  expect(run.code, run.output).toBe(0);

  await expect(status.getByRole("link")).toHaveText(
    /^(CardDeclined: card declined for amount \d+|KeyError: 'items'|RuntimeError: invoice inv_42 is missing)$/,
    { timeout: 20_000 },
  );
  await expect(page.getByRole("table", { name: "Issues" }).getByRole("link")).toHaveCount(3);
  await page.screenshot({ path: "e2e/screenshots/project-first-event-python.png", fullPage: true });
});

test("rotating the key says first that the old one stops working, then the old DSN answers 401", async ({ page }) => {
  const dsn = await createInBrowser(page, `Rotating ${unique()}`, "go");
  expect(await sendWith(page.request, dsn)).toBe(200);

  await page.getByRole("button", { name: "Rotate the DSN key" }).click();
  const dialog = page.getByRole("dialog", { name: /^Rotate the DSN key of / });
  await expect(dialog).toContainText("The current key stops working the moment you rotate it.");
  await expect(dialog).toContainText("gets 401");
  await page.screenshot({ path: "e2e/screenshots/project-rotate-key.png" });
  await dialog.getByRole("button", { name: "Rotate the key" }).click();
  await expect(dialog).toBeHidden();
  const code = page.getByRole("region", { name: "DSN" }).locator("code");
  await expect(code).not.toHaveText(dsn);
  const rotated = (await code.textContent())!;
  expect(new URL(rotated).pathname).toBe(new URL(dsn).pathname);

  expect(await sendWith(page.request, dsn)).toBe(401);
  expect(await sendWith(page.request, rotated)).toBe(200);
  await expect(page.getByRole("status", { name: "First event" }).getByRole("link")).toHaveText("sent by the e2e test", {
    timeout: 10_000,
  });
});

test("deleting a project needs its slug typed, and takes it off the Projects page", async ({ page }) => {
  const name = `Doomed ${unique()}`;
  const dsn = await createInBrowser(page, name, "php");
  expect(await sendWith(page.request, dsn)).toBe(200);
  const projectUrl = page.url();
  const { slug } = (await (await page.request.get(`/api${new URL(projectUrl).pathname}`)).json()).project as {
    slug: string;
  };

  await page.getByRole("button", { name: "Delete the project" }).click();
  const dialog = page.getByRole("dialog", { name: `Delete ${name}` });
  await expect(dialog).toContainText("1 event, 1 issue,");
  const confirm = dialog.getByRole("button", { name: "Delete this project" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Type ${slug} to confirm`).fill(name);
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Type ${slug} to confirm`).fill(slug);
  await expect(confirm).toBeEnabled();
  await page.screenshot({ path: "e2e/screenshots/project-delete.png" });
  await confirm.click();

  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByRole("table", { name: "Projects", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name })).toHaveCount(0);
  expect((await page.request.get(`/api${new URL(projectUrl).pathname}`)).status()).toBe(404);
  expect(await sendWith(page.request, dsn)).toBe(404);
});

test("viewers see no DSN key and cannot create projects; grouping-API projects are listed apart", async ({
  page,
  baseURL,
}) => {
  const name = `Keyed ${unique()}`;
  const dsn = await createInBrowser(page, name, "ruby");
  const projectPath = new URL(page.url()).pathname;
  // The page's role check decides the rollout controls: an admin has them, a viewer (below) does not.
  const rollout = page.getByRole("region", { name: "Rollout" });
  await expect(rollout.getByRole("button", { name: `Backfill ${name}` })).toBeVisible();
  await expect(rollout.getByRole("button", { name: `Skip fallback for ${name}` })).toBeVisible();

  // A Sentry calls the similar-issues API with a project id regroup does not know: the grouping API registers it.
  const callerId = GROUPING_API_CALLER_IDS + Math.floor(Math.random() * 1_000_000);
  const secret = fs.readFileSync(path.join(e2eDataDir, "grouping-api-secret"), "utf8").trim().split(/\s+/)[0]!;
  const body = JSON.stringify({ project_id: callerId, hash: `e2e-${unique()}`, stacktrace: "ValueError: e2e", k: 1 });
  const similar = await page.request.post("/v0/issues/similar-issues", {
    headers: {
      "content-type": "application/json",
      authorization: `Rpcsignature rpc0:${createHmac("sha256", secret).update(body).digest("hex")}`,
    },
    data: body,
  });
  expect(similar.status()).toBe(200);
  await page.goto("/projects");
  const registered = page.getByRole("table", { name: "Projects registered by the grouping API" });
  await expect(registered).toContainText(`caller's id ${callerId}`);
  await expect(page.getByRole("table", { name: "Projects", exact: true })).not.toContainText(`caller's id ${callerId}`);
  await page.screenshot({ path: "e2e/screenshots/projects-list.png", fullPage: true });

  const email = `viewer-${unique()}@e2e.test`;
  const password = "viewer-password-123";
  expect((await page.request.post("/api/users", { data: { email, role: "viewer", password } })).status()).toBe(201);
  const viewer = await page.context().browser()!.newContext({ baseURL });
  const viewerPage = await viewer.newPage();
  const viewerApi: APIRequestContext = viewerPage.request;
  expect((await viewerApi.post("/api/auth/signin", { data: { email, password } })).status()).toBe(200);
  await viewerPage.goto("/projects");
  await expect(viewerPage.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
  await expect(viewerPage.getByRole("button", { name: "Create project" })).toHaveCount(0);
  await viewerPage.goto(projectPath);
  const region = viewerPage.getByRole("region", { name: "DSN" });
  await expect(region).toContainText("Labelers and admins see the DSN here");
  await expect(viewerPage.locator("body")).not.toContainText(new URL(dsn).username);
  await expect(viewerPage.getByRole("button", { name: "Delete the project" })).toHaveCount(0);
  const viewerRollout = viewerPage.getByRole("region", { name: "Rollout" });
  await expect(viewerRollout).toContainText("Model");
  await expect(viewerRollout.getByRole("button")).toHaveCount(0);
  await viewerPage.screenshot({ path: "e2e/screenshots/project-viewer.png", fullPage: true });
  await viewer.close();
});
