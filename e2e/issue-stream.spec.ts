import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from "@playwright/test";
import { e2ePort, untilIngested } from "./server";
import { e2eAdmin, signInThroughApi } from "./sign-in";

/**
 * The project page's issue stream in Chromium: a project with 56 issues (sent through the store endpoint with its DSN
 * key) is searched, filtered, sorted and paged, each state a link; the demo's project 1 is filtered to the issues the
 * AI step merged into.
 */

const ISSUES = 56;
const MINUTE = 60_000;
// Letters, not digits: a message's fingerprint leaves numbers out, so "batch 1" and "batch 2" would be one issue.
const word = (i: number) => `${String.fromCharCode(97 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}`;

let projectId = 0;
let slug = "";

/** Sends a message event with the project's DSN key at a time, waiting out the per-key rate limit. */
async function send(api: APIRequestContext, key: string, message: string, at: Date): Promise<void> {
  for (;;) {
    const response = await api.post(`/api/${projectId}/store/?sentry_key=${key}&sentry_version=7`, {
      data: { message, platform: "python", timestamp: at.getTime() / 1000 },
    });
    if (response.status() !== 429) return expect(response.status()).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1000 * Number(response.headers()["retry-after"] ?? 1)));
  }
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const admin = await playwrightRequest.newContext({ baseURL: `http://localhost:${e2ePort}` });
  expect((await admin.post("/api/auth/signin", { data: e2eAdmin })).status()).toBe(200);
  const created = await admin.post("/api/projects", {
    data: { name: `Stream ${Date.now().toString(36)}`, platform: "python" },
  });
  expect(created.status()).toBe(201);
  const { project } = (await created.json()) as { project: { id: number; slug: string; dsn: string } };
  projectId = project.id;
  slug = project.slug;
  const key = new URL(project.dsn).username;
  // Issue i was last seen i minutes ago: the newest first is issue 0, 1, 2, …
  const now = Date.now();
  for (let i = 0; i < ISSUES; i += 1) await send(admin, key, `Batch job ${word(i)} failed`, new Date(now - i * MINUTE));
  // Issue 30 happened three more times, long ago: the most events, though not recently.
  for (let i = 0; i < 3; i += 1) await send(admin, key, `Batch job ${word(30)} failed`, new Date(now - 100 * MINUTE));
  await untilIngested(admin);
  await admin.dispose();
});

test.afterAll(async () => {
  const admin = await playwrightRequest.newContext({ baseURL: `http://localhost:${e2ePort}` });
  expect((await admin.post("/api/auth/signin", { data: e2eAdmin })).status()).toBe(200);
  if (projectId)
    expect((await admin.delete(`/api/projects/${projectId}`, { data: { confirmation: slug } })).status()).toBe(200);
  await admin.dispose();
});

test.beforeEach(async ({ page }) => {
  await signInThroughApi(page);
});

const rows = (page: Page) => page.getByRole("table", { name: "Issues" }).getByRole("rowheader");
const pager = (page: Page) => page.getByRole("navigation", { name: "Pages of issues" });

test("pages through a project's issues, fifty at a time, and back, each page a link", async ({ page }) => {
  await page.goto(`/projects/${projectId}`);
  await expect(rows(page)).toHaveCount(50);
  await expect(pager(page)).toContainText(`${ISSUES} issues`);
  await expect(rows(page).first()).toHaveText("Batch job aa failed");
  await expect(pager(page).getByRole("button", { name: "Previous page" })).toBeDisabled();

  await pager(page).getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/[?&]cursor=/);
  await expect(rows(page)).toHaveCount(ISSUES - 50);
  await expect(rows(page).first()).toHaveText(`Batch job ${word(50)} failed`);
  await expect(pager(page).getByRole("button", { name: "Next page" })).toBeDisabled();
  await page.screenshot({ path: "e2e/screenshots/issue-stream-second-page.png", fullPage: true });

  // The second page is a link: opened anew, it shows the same issues.
  const secondPage = page.url();
  await page.goto(secondPage);
  await expect(rows(page).first()).toHaveText(`Batch job ${word(50)} failed`);

  await pager(page).getByRole("button", { name: "Previous page" }).click();
  await expect(rows(page)).toHaveCount(50);
  await expect(rows(page).first()).toHaveText("Batch job aa failed");
  // The browser's back goes to the page before.
  await page.goBack();
  await expect(rows(page).first()).toHaveText(`Batch job ${word(50)} failed`);
});

test("searches as one types, sorts, and filters, with all of it in the URL", async ({ page }) => {
  await page.goto(`/projects/${projectId}`);
  await expect(rows(page)).toHaveCount(50);

  await page.getByRole("searchbox", { name: "Search" }).fill("JOB BF");
  await expect(rows(page)).toHaveText(["Batch job bf failed"]);
  await expect(page).toHaveURL(/[?&]q=JOB\+BF/);
  await expect(pager(page)).toContainText("1 issue match");

  await page.getByRole("searchbox", { name: "Search" }).fill("batch job");
  await page.getByLabel("Sort by").selectOption("events");
  // Issue 30 has four events: first when sorted by events, though last seen long ago.
  await expect(rows(page).first()).toHaveText(`Batch job ${word(30)} failed`);
  const top = page.getByRole("table", { name: "Issues" }).getByRole("row").nth(1);
  await expect(top.getByRole("cell").first()).toHaveText("4");
  await expect(page).toHaveURL(/sort=events/);

  // Messages have no stack trace: every issue is a new fingerprint that skipped the AI step, and none an AI merge.
  await page.getByLabel("Created").selectOption("fingerprint");
  await expect(pager(page)).toContainText(`${ISSUES} issues match`);
  await page.getByLabel("Created").selectOption("ai_merge");
  await expect(page.getByText("No issues match")).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/issue-stream-no-match.png", fullPage: true });

  await page.getByRole("button", { name: "Clear the search and filters" }).click();
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue("");
  await expect(rows(page)).toHaveCount(50);
  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}\\?sort=events$`));
});

test("filters the demo's project to the issues the AI step merged into, and by first seen", async ({ page }) => {
  await page.goto("/projects/1?created=ai_merge&order=desc");
  await expect(page.getByLabel("Created")).toHaveValue("ai_merge");
  const table = page.getByRole("table", { name: "Issues" });
  await expect(table.getByRole("row").nth(1)).toBeVisible();
  // Every row has at least one AI-merged event (the third column).
  const merged = await table.locator("tbody tr td:nth-of-type(2)").allTextContents();
  expect(merged.length).toBeGreaterThan(0);
  expect(merged.every((count) => Number(count.replaceAll(",", "")) > 0)).toBe(true);
  await page.getByLabel("Model").selectOption("v1");
  await expect(page).toHaveURL(/model=v1/);
  await page.screenshot({ path: "e2e/screenshots/issue-stream-ai-merges.png", fullPage: true });

  // A first-seen range in the future matches nothing; the range is in the link.
  await page.getByLabel("First seen from").fill("2099-01-01");
  await expect(page.getByText("No issues match")).toBeVisible();
  await expect(page).toHaveURL(/from=2099-01-01/);
});
