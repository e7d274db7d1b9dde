import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { untilIngested } from "./server";
import { signInThroughApi } from "./sign-in";

/**
 * A project's grouping settings, end to end: a fingerprint rule typed in the console changes the preview of the
 * project's recent events; saved, it groups the next event by the rule; a bad rule shows its line and column and
 * cannot be saved; a stack trace rule marking a module not in-app changes the next event's hash.
 */

interface Frame {
  function: string;
  module: string;
}

const frame = (fn: string, module = `app.${fn}`): Frame => ({ function: fn, module });

interface CreatedProject {
  id: number;
  slug: string;
  dsn: string;
}

let project: CreatedProject;

async function createProject(api: APIRequestContext): Promise<CreatedProject> {
  const response = await api.post("/api/projects", {
    data: { name: `Grouping rules ${Date.now().toString(36)}`, platform: "python" },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { project: CreatedProject }).project;
}

/** Sends one Python error to the project's store endpoint with its DSN, as an SDK does. */
async function send(api: APIRequestContext, type: string, value: string, frames: Frame[]): Promise<void> {
  const dsn = new URL(project.dsn);
  const response = await api.post(`/api/${project.id}/store/`, {
    headers: { "x-sentry-auth": `Sentry sentry_key=${dsn.username}, sentry_version=7` },
    data: {
      event_id: randomUUID().replaceAll("-", ""),
      platform: "python",
      exception: {
        values: [
          {
            type,
            value,
            stacktrace: {
              frames: frames.map((f, i) => ({
                ...f,
                filename: `${f.function}.py`,
                lineno: 10 + i,
                context_line: `    ${f.function}()`,
                in_app: true,
              })),
            },
          },
        ],
      },
    },
  });
  expect(response.status()).toBe(200);
  await untilIngested(api);
}

interface IssueRow {
  id: number;
  title: string;
  eventCount: number;
}

async function issues(api: APIRequestContext): Promise<IssueRow[]> {
  const response = await api.get(`/api/projects/${project.id}/issues`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { issues: IssueRow[] }).issues;
}

async function issueHashes(api: APIRequestContext, issueId: number): Promise<string[]> {
  const response = await api.get(`/api/issues/${issueId}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { hashes: { hash: string }[] }).hashes.map((row) => row.hash);
}

const settingsForm = (page: Page) => page.getByRole("form", { name: "Grouping settings" });
const previewPanel = (page: Page) => page.getByRole("region", { name: "Preview on recent events" });
const countOf = (page: Page, label: string) =>
  previewPanel(page).getByText(label, { exact: true }).locator("xpath=following-sibling::dd[1]");

test.beforeEach(async ({ page }) => {
  await signInThroughApi(page);
});

test.afterAll(async ({ browser }) => {
  if (!project) return;
  const page = await browser.newPage();
  await signInThroughApi(page);
  const response = await page.request.delete(`/api/projects/${project.id}`, { data: { confirmation: project.slug } });
  expect(response.status()).toBe(200);
  await page.close();
});

test("a fingerprint rule changes the preview and, saved, groups the next event; a bad rule cannot be saved; a stack trace rule changes the next hash", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const api = page.request;
  project = await createProject(api);
  await send(api, "ConnectError", "connect timeout", [frame("main"), frame("dial")]);
  await send(api, "ConnectError", "connect timeout", [frame("main"), frame("dial")]);
  await send(api, "ReadError", "read timeout", [frame("main"), frame("recv")]);
  await send(api, "ValueError", "bad input", [frame("main"), frame("parse")]);
  expect(await issues(api)).toHaveLength(3);

  // The project's settings are one link away from its page.
  await page.goto(`/projects/${project.id}`);
  await page.getByRole("link", { name: "Grouping settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Grouping settings/ })).toBeVisible();
  const form = settingsForm(page);
  const save = form.getByRole("button", { name: "Save settings" });
  await expect(countOf(page, "Events that would change issue")).toHaveText("0 of 4");
  await expect(save).toBeDisabled();

  // A fingerprint rule, typed: the preview follows it (three timeout events would merge into one new issue).
  const fingerprintRules = form.getByLabel("Fingerprint rules");
  await fingerprintRules.pressSequentially('error.value:"*timeout*" -> timeouts', { delay: 10 });
  await expect(countOf(page, "Events that would change issue")).toHaveText("3 of 4");
  await expect(countOf(page, "Issues that would merge into one")).toHaveText("1");
  const sample = previewPanel(page).getByRole("group", { name: "Sample event" });
  await expect(sample.getByText('fingerprint ["timeouts"]')).toBeVisible();
  await expect(sample.getByText(/Not sent to the AI step/)).toBeVisible();
  await page.screenshot({ path: "test-results/grouping-settings-1-preview.png", fullPage: true });

  // Saved, it groups the next event by the rule: two unrelated timeouts become one issue.
  await expect(save).toBeEnabled();
  await save.click();
  await expect(form.getByRole("status")).toHaveText("Saved: the next event is grouped by these settings.");
  await send(api, "PoolError", "pool timeout", [frame("main"), frame("acquire")]);
  await send(api, "DnsError", "lookup timeout", [frame("resolve")]);
  const grouped = (await issues(api)).find((issue) => issue.title === "PoolError: pool timeout");
  expect(grouped?.eventCount).toBe(2);
  expect(await issues(api)).toHaveLength(4);

  // A bad rule: its line and column beside the field, and Save stays disabled.
  await fingerprintRules.press("End");
  await fingerprintRules.press("Enter");
  await fingerprintRules.pressSequentially("errortype:KeyError -> keys", { delay: 10 });
  await expect(form.getByText('Line 2, column 1: unknown matcher "errortype"')).toBeVisible();
  await expect(fingerprintRules).toHaveAttribute("aria-invalid", "true");
  await expect(save).toBeDisabled();
  await page.screenshot({ path: "test-results/grouping-settings-2-bad-rule.png", fullPage: true });
  const stored = await (await api.get(`/api/projects/${project.id}/grouping`)).json();
  expect(stored.settings.fingerprintRules).toBe('error.value:"*timeout*" -> timeouts');

  // A threshold override past the documented maximum is refused beside its field; one within it is previewed.
  await fingerprintRules.fill('error.value:"*timeout*" -> timeouts');
  const threshold = form.getByLabel(/AI distance threshold override/);
  await threshold.fill("0.5");
  await expect(form.getByText("must be at most 0.1: looser thresholds merge too much")).toBeVisible();
  await expect(save).toBeDisabled();
  await threshold.fill("0.02");
  await expect(previewPanel(page).getByRole("group", { name: "Threshold preview" })).toContainText(
    "AI decisions under a threshold of 0.02 (v1)",
  );
  await threshold.fill("");

  // A stack trace rule marking a module not in-app: the next event of a known stack gets another hash.
  await send(api, "KeyError", "missing key", [frame("main"), frame("lookup", "vendor.cache")]);
  const keyIssue = (await issues(api)).find((issue) => issue.title === "KeyError: missing key")!;
  const hashesBefore = await issueHashes(api, keyIssue.id);
  await form.getByLabel("Stack trace rules").pressSequentially("module:vendor.* -app", { delay: 10 });
  await expect(countOf(page, "Events with new hashes")).toHaveText("1 of 7");
  await expect(
    previewPanel(page)
      .getByText(/marked out of app by stack trace rule/)
      .first(),
  ).toBeVisible();
  await page.screenshot({ path: "test-results/grouping-settings-3-stack-trace-rule.png", fullPage: true });
  await expect(save).toBeEnabled();
  await save.click();
  await expect(form.getByRole("status")).toHaveText("Saved: the next event is grouped by these settings.");
  await send(api, "KeyError", "missing key", [frame("main"), frame("lookup", "vendor.cache")]);
  const hashesAfter = await issueHashes(api, keyIssue.id);
  // Its app hash is new (the vendor frame no longer counts); its system hash kept it in the same issue.
  expect(hashesAfter).toHaveLength(hashesBefore.length + 1);
  expect(hashesAfter).toEqual(expect.arrayContaining(hashesBefore));

  await page.goto(`/issues/${keyIssue.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "KeyError: missing key" })).toBeVisible();
  await page.screenshot({ path: "test-results/grouping-settings-4-issue.png", fullPage: true });
});
