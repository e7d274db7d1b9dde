import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from "@playwright/test";
import { untilIngested } from "./server";
import { e2eAdmin, signInThroughApi } from "./sign-in";

/**
 * Rollout, end to end: an admin moves a v1 project to v2 through the confirmation dialog (with a reason), the audit
 * row appears, the project's next event (sent with its DSN key to the store endpoint) is decided with v2 — or v1 on
 * fallback, and the decision says so — and reverting the audit entry puts the project back on v1. Viewers and
 * labelers are refused.
 */
interface RolloutRow {
  id: number;
  name: string;
  groupingModel: string;
}

async function rolloutRows(api: APIRequestContext): Promise<RolloutRow[]> {
  const response = await api.get("/api/rollout");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { projects: RolloutRow[] }).projects;
}

/** Signs the admin in, opens the Rollout page and finds a demo project on v1 and its row. */
async function openV1ProjectRow(page: Page) {
  await signInThroughApi(page, e2eAdmin);
  const project = (await rolloutRows(page.request)).find((row) => row.groupingModel === "v1");
  expect(project, "a demo project on v1").toBeDefined();
  const { id, name } = project!;
  await page.goto("/rollout");
  const table = page.getByRole("table", { name: "Rollout by project" });
  const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(name) }) });
  return { id, name, row };
}

async function contextAs(
  baseURL: string,
  role: "viewer" | "labeler",
  admin: APIRequestContext,
): Promise<APIRequestContext> {
  const email = `${role}-${Date.now()}@e2e.test`;
  const password = `${role}-password-123`;
  expect((await admin.post("/api/users", { data: { email, role, password } })).status()).toBe(201);
  const context = await playwrightRequest.newContext({ baseURL });
  expect((await context.post("/api/auth/signin", { data: { email, password } })).status()).toBe(200);
  return context;
}

test("an admin moves a project to v2 with a reason, its next event is decided by v2, and a revert restores v1", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const { id, name, row } = await openV1ProjectRow(page);
  await expect(row.getByRole("cell").first()).toHaveText("v1");
  await row.getByRole("button", { name: `Move ${name} to v2` }).click();
  const dialog = page.getByRole("dialog", { name: `Move ${name} to v2` });
  await expect(dialog).toContainText(name);
  await expect(dialog).toContainText("v2 coverage");
  await expect(dialog).toContainText("v2 overgrouping estimate");
  await expect(dialog.getByRole("button", { name: "Confirm" })).toBeDisabled();
  await dialog.getByLabel("Reason").fill("e2e: move to v2");
  await page.screenshot({ path: "e2e/screenshots/rollout-confirm.png", fullPage: true });
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByRole("cell").first()).toHaveText("v2");

  await page.goto("/audit");
  const auditRow = page
    .getByRole("row")
    .filter({ hasText: "flag.set" })
    .filter({ hasText: name })
    .filter({ hasText: "e2e: move to v2" });
  await expect(auditRow).toHaveCount(1);
  await expect(auditRow).toContainText("grouping_model: v1");
  await expect(auditRow).toContainText("grouping_model: v2");

  // The next event of the project, through the real store endpoint with the project's DSN key.
  const { dsn } = (await (await page.request.get(`/api/projects/${id}`)).json()).project;
  const key = new URL(dsn as string).username;
  const type = `RolloutE2E${Date.now()}Error`;
  const event = {
    platform: "python",
    exception: {
      values: [
        {
          type,
          value: "only the v2 switch made this",
          stacktrace: {
            frames: [
              {
                function: "main",
                module: "app.main",
                filename: "app/main.py",
                lineno: 3,
                context_line: "main()",
                in_app: true,
              },
              {
                function: "switch",
                module: "app.switch",
                filename: "app/switch.py",
                lineno: 9,
                context_line: "raise",
                in_app: true,
              },
            ],
          },
        },
      ],
    },
  };
  const stored = await page.request.post(`/api/${id}/store/?sentry_key=${key}&sentry_version=7`, { data: event });
  expect(stored.status()).toBe(200);
  await untilIngested(page.request);
  const after = await (await page.request.get(`/api/projects/${id}/issues?q=${type}`)).json();
  const issue = (after.issues as { id: number; title: string }[]).find((i) => i.title.startsWith(type));
  expect(issue, "the new event's issue").toBeDefined();
  const detail = await (await page.request.get(`/api/issues/${issue!.id}`)).json();
  const decision = detail.events[0].whyGrouped.decision as {
    modelRequested: string;
    modelUsed: string;
    fallback: boolean;
  };
  expect(decision.modelRequested).toBe("v2");
  expect(decision.fallback).toBe(decision.modelUsed === "v1");
  await page.goto(`/issues/${issue!.id}`);
  await page.getByRole("region", { name: "Events" }).locator("summary").first().click();
  await expect(
    page.getByText(decision.fallback ? "v2 found nothing, so v1 answered (fallback)" : "v2 answered"),
  ).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/rollout-decision.png", fullPage: true });

  // Revert from the audit log, with its Revert button.
  const audit = await (await page.request.get(`/api/audit?target=project:${id}`)).json();
  const entry = (audit.entries as { id: number; action: string; reason: string }[]).find(
    (e) => e.action === "flag.set" && e.reason === "e2e: move to v2",
  )!;
  await page.goto("/audit");
  await page.getByRole("button", { name: `Revert audit entry #${entry.id} (${name})` }).click();
  await page.getByRole("button", { name: "Confirm revert" }).click();
  await expect(page.getByText(/Reverted \(entry #\d+\)/)).toBeVisible();
  await expect.poll(async () => (await rolloutRows(page.request)).find((r) => r.id === id)?.groupingModel).toBe("v1");
  await page.goto("/audit");
  await expect(
    page
      .getByRole("row")
      .filter({ hasText: "flag.revert" })
      .filter({ hasText: `Revert of audit entry #${entry.id}` }),
  ).toHaveCount(1);
  await page.goto("/rollout");
  await expect(row.getByRole("cell").first()).toHaveText("v1");
  await page.screenshot({ path: "e2e/screenshots/rollout.png", fullPage: true });

  // Viewers and labelers may look but not change.
  for (const role of ["viewer", "labeler"] as const) {
    const other = await contextAs(baseURL!, role, page.request);
    expect((await other.get("/api/rollout")).status()).toBe(200);
    const set = await other.post("/api/rollout/flags", {
      data: { projectIds: [id], change: { groupingModel: "v2" }, reason: "not mine" },
    });
    expect(set.status(), `${role} setting a flag`).toBe(403);
    expect((await other.post(`/api/audit/${entry.id}/revert`, { data: {} })).status(), `${role} reverting`).toBe(403);
    await other.dispose();
  }
});

test("a what-if replay of a demo project shows its counts beside the flag and queues its unlabeled merges", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { id, name, row } = await openV1ProjectRow(page);
  await row.getByRole("button", { name: `What if: replay ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `What if ${name} ran another model or threshold?` });
  await expect(dialog.getByLabel("Model")).toHaveValue("v2");
  await dialog.getByRole("button", { name: "Replay through v2" }).click();
  const result = dialog.getByTestId("what-if-result");
  await expect(result).toBeVisible({ timeout: 60_000 });

  const replays = (await (await page.request.get(`/api/rollout/projects/${id}/what-if`)).json()).replays;
  const replay = replays[0].result;
  expect(replay.events).toBeGreaterThan(100);
  await expect(result.getByTestId("what-if-issues")).toHaveText(
    `${replay.replay.issues} with v2 vs ${replay.today.issues} today`,
  );
  await expect(result.getByTestId("what-if-unlabeled")).toHaveText(String(replay.unlabeled));
  console.log(
    `what-if ${name} through v2: ${replay.events} events, ${replay.replay.issues} issues (today ${replay.today.issues}), ` +
      `${replay.replay.merges} merges, ${replay.overgrouping.incorrect}/${replay.overgrouping.labeled} labeled wrong, ` +
      `${replay.unlabeled} unlabeled`,
  );
  await page.screenshot({ path: "e2e/screenshots/rollout-what-if.png", fullPage: true });
  expect(replay.unlabeled, "v2 makes merges on a v1 project that no one labeled").toBeGreaterThan(0);
  await result.getByRole("button", { name: `Queue ${replay.unlabeled} unlabeled merges for review` }).click();
  await expect(result.getByRole("status")).toContainText(/^\d+ pair\(s\) added to the review queue/);
  await expect(result.getByTestId("what-if-unlabeled")).toHaveText(
    new RegExp(`^${replay.unlabeled} \\(${replay.unlabeled} in the review queue\\)$`),
  );
  await page.keyboard.press("Escape");

  // The flag change's confirmation shows the same replay beside the flag.
  await row.getByRole("button", { name: `Move ${name} to v2` }).click();
  const confirm = page.getByRole("dialog", { name: `Move ${name} to v2` });
  await expect(confirm.getByRole("heading", { name: `What v2 would do to ${name}` })).toBeVisible();
  await expect(confirm.getByTestId("what-if-issues")).toHaveText(
    `${replay.replay.issues} with v2 vs ${replay.today.issues} today`,
  );
  await page.screenshot({ path: "e2e/screenshots/rollout-confirm-what-if.png", fullPage: true });
  await confirm.getByRole("button", { name: "Cancel" }).click();
});
