import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { e2ePort, untilIngested } from "./server";
import { e2eAdmin, signInThroughApi } from "./sign-in";

/**
 * Fixing grouping by hand, in the browser: on a project of its own (v1, the demo's stable model), events sent to its
 * DSN as an SDK sends them; an AI-merged hash is unmerged from its issue on the issue page (its next event then goes
 * to the new issue, and the unmerge is the user's SEPARATE label), and two issues are merged with "Merge…" (the next
 * event of the merged one goes to the issue it went into, and its old link leads there).
 */

interface Project {
  id: number;
  slug: string;
  dsn: string;
}

interface IssueHash {
  hash: string;
  events: number;
  ai: { modelUsed: string | null; unmergedBy: string | null } | null;
}

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
let project: Project;

/** A Python error with 30 in-app frames; `argument` changes the last frame's line only (a new fingerprint). */
function paymentError(argument: string) {
  const frames = Array.from({ length: 30 }, (_, i) => ({
    function: `step_${i}`,
    module: `shop.orders.step${i}`,
    filename: `shop/orders/step${i}.py`,
    lineno: 10 + i,
    context_line: i === 28 ? `    result = charge(${argument})` : `    return step_${i + 1}(order)`,
    in_app: true,
  }));
  return {
    platform: "python",
    exception: { values: [{ type: "PaymentError", value: "card declined", stacktrace: { frames } }] },
  };
}

function otherError(type: string, value: string, fn: string) {
  const frames = [
    {
      function: "main",
      module: "shop.main",
      filename: "shop/main.py",
      lineno: 3,
      context_line: "    run()",
      in_app: true,
    },
    {
      function: fn,
      module: `shop.${fn}`,
      filename: `shop/${fn}.py`,
      lineno: 7,
      context_line: `    ${fn}()`,
      in_app: true,
    },
  ];
  return { platform: "python", exception: { values: [{ type, value, stacktrace: { frames } }] } };
}

/** Sends an event to the project's store endpoint with its DSN key, as an SDK does; the issue it landed in. */
async function send(api: APIRequestContext, event: object): Promise<number> {
  const dsn = new URL(project.dsn);
  const response = await api.post(`/api${dsn.pathname}/store/`, {
    headers: { "x-sentry-auth": `Sentry sentry_key=${dsn.username}, sentry_version=7` },
    data: event,
  });
  expect(response.status(), await response.text()).toBe(200);
  await untilIngested(api);
  const { issues } = (await (await api.get(`/api/projects/${project.id}/issues`)).json()) as {
    issues: { id: number; lastSeen: string }[];
  };
  return [...issues].sort((a, b) => b.lastSeen.localeCompare(a.lastSeen))[0]!.id;
}

async function hashesOf(api: APIRequestContext, issueId: number): Promise<IssueHash[]> {
  const response = await api.get(`/api/issues/${issueId}/hashes`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { hashes: IssueHash[] }).hashes;
}

test.beforeAll(async () => {
  const admin = await playwrightRequest.newContext({ baseURL: `http://localhost:${e2ePort}` });
  expect((await admin.post("/api/auth/signin", { data: e2eAdmin })).status()).toBe(200);
  const response = await admin.post("/api/projects", { data: { name: `Regrouping ${unique()}`, platform: "python" } });
  expect(response.status()).toBe(201);
  project = ((await response.json()) as { project: Project }).project;
  await admin.dispose();
});

test.afterAll(async () => {
  // Deleted after the spec, so that the specs after it see the demo's projects (and its rates) only.
  const admin = await playwrightRequest.newContext({ baseURL: `http://localhost:${e2ePort}` });
  expect((await admin.post("/api/auth/signin", { data: e2eAdmin })).status()).toBe(200);
  const response = await admin.delete(`/api/projects/${project.id}`, { data: { confirmation: project.slug } });
  expect(response.status()).toBe(200);
  await admin.dispose();
});

test.beforeEach(async ({ page }) => {
  await signInThroughApi(page);
});

test("unmerging an AI-merged hash makes a new issue that its next event joins, as the user's SEPARATE label", async ({
  page,
}) => {
  const api = page.request;
  const issue = await send(api, paymentError("order"));
  expect(await send(api, paymentError("ordr")), "v1 merges the near-identical trace").toBe(issue);
  const aiHash = (await hashesOf(api, issue)).find((hash) => hash.ai !== null)!;
  expect(aiHash.ai!.modelUsed).toBe("v1");

  await page.goto(`/issues/${issue}`);
  const hashes = page.getByRole("region", { name: /^Hashes/ });
  await expect(hashes.getByRole("row")).toHaveCount(3);
  const aiRow = hashes.locator(`tr[data-hash="${aiHash.hash}"]`);
  await expect(aiRow).toContainText(/AI merge: v1 matched hash [0-9a-f]{12}… at distance 0\.00\d\d/);
  await expect(aiRow).toContainText("PaymentError: card declined");
  await expect(aiRow.getByRole("list", { name: "Innermost frames" })).toContainText("step_29");
  await aiRow.getByRole("checkbox", { name: `Select hash ${aiHash.hash}` }).check();
  await page.screenshot({ path: "e2e/screenshots/unmerge-hashes.png", fullPage: true });

  await hashes.getByRole("button", { name: "Unmerge selected (1)" }).click();
  const dialog = page.getByRole("dialog", { name: "Unmerge 1 hash into a new issue?" });
  await expect(dialog).toContainText("1 event moves to a new issue");
  await expect(dialog).toContainText("1 of them came in by an AI merge");
  await page.screenshot({ path: "e2e/screenshots/unmerge-dialog.png" });
  await dialog.getByRole("button", { name: "Unmerge 1 hash" }).click();
  await expect(dialog).toBeHidden();
  const status = hashes.getByRole("status");
  await expect(status).toContainText("Unmerged 1 hash and 1 event into issue");
  await expect(hashes.getByRole("row")).toHaveCount(2);
  const created = Number((await status.getByRole("link").textContent())!.replace("issue ", ""));
  expect(created).not.toBe(issue);

  // The next event of that hash goes to the new issue.
  expect(await send(api, paymentError("ordr"))).toBe(created);
  await status.getByRole("link", { name: `issue ${created}` }).click();
  await expect(page).toHaveURL(new RegExp(`/issues/${created}$`));
  await expect(page.getByText(`Split off issue ${issue}: a person unmerged its hashes from it.`)).toBeVisible();
  const moved = page.getByRole("region", { name: /^Hashes/ }).locator(`tr[data-hash="${aiHash.hash}"]`);
  await expect(moved).toContainText(`Unmerged by ${e2eAdmin.email}: a known overgrouping`);
  await expect(moved.getByRole("cell").nth(2)).toHaveText("2");
  await page.screenshot({ path: "e2e/screenshots/unmerge-new-issue.png", fullPage: true });

  // The SEPARATE label by that user, on the pair of the two events, in the review data.
  const { pairs } = (await (await api.get(`/api/review/pairs?project=${project.id}`)).json()) as {
    pairs: { id: number; labels: number; source: string }[];
  };
  expect(pairs).toHaveLength(1);
  await page.goto(`/review/pairs/${pairs[0]!.id}`);
  await expect(page.getByText("Your label: SEPARATE")).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/unmerge-label.png", fullPage: true });
});

test("merging two issues with Merge… sends the next event of either to the merged one", async ({ page }) => {
  const api = page.request;
  const kept = await send(api, otherError("KeyError", "'sku'", "cart"));
  const gone = await send(api, otherError("TypeError", "amount is None", "pay"));
  expect(gone).not.toBe(kept);

  await page.goto(`/issues/${kept}`);
  await page.getByRole("button", { name: "Merge…" }).click();
  const dialog = page.getByRole("dialog", { name: "Merge issues into this one" });
  await dialog.getByRole("searchbox").fill("amount is");
  await dialog.getByRole("checkbox", { name: /TypeError: amount is None/ }).check();
  await expect(dialog).toContainText("1 issue picked");
  await page.screenshot({ path: "e2e/screenshots/merge-dialog.png" });
  await dialog.getByRole("button", { name: "Merge 1 into this issue" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Merged 1 issue into this one" })).toContainText(
    "1 GROUP label recorded",
  );
  await expect(page.getByRole("region", { name: /^Hashes/ }).getByRole("row")).toHaveCount(3);
  await page.screenshot({ path: "e2e/screenshots/merge-done.png", fullPage: true });

  expect(await send(api, otherError("TypeError", "amount is None", "pay"))).toBe(kept);
  expect(await send(api, otherError("KeyError", "'sku'", "cart"))).toBe(kept);
  // The merged issue's old link leads to the issue it went into.
  await page.goto(`/issues/${gone}`);
  await expect(page).toHaveURL(new RegExp(`/issues/${kept}$`));
  await expect(page.getByRole("heading", { level: 1, name: "KeyError: 'sku'" })).toBeVisible();
});

test("issues picked in the project's issue stream are merged with Merge selected", async ({ page }) => {
  const api = page.request;
  const big = await send(api, otherError("OSError", "disk full on /var", "write"));
  await send(api, otherError("OSError", "disk full on /var", "write"));
  const small = await send(api, otherError("OSError", "disk full on /tmp", "spool"));
  await page.goto(`/projects/${project.id}`);
  await page.getByRole("searchbox", { name: "Search" }).fill("disk full");
  const table = page.getByRole("table", { name: "Issues" });
  await expect(table.getByRole("rowheader")).toHaveCount(2);
  await expect(page.getByRole("button", { name: "Merge selected" })).toBeDisabled();
  await table.getByRole("checkbox", { name: "Select issue OSError: disk full on /var" }).check();
  await table.getByRole("checkbox", { name: "Select issue OSError: disk full on /tmp" }).check();
  await page.getByRole("button", { name: "Merge selected (2)" }).click();
  const dialog = page.getByRole("dialog", { name: "Merge 2 issues" });
  // The issue with the most events is kept unless another is chosen.
  await expect(dialog.getByRole("radio", { name: /disk full on \/var/ })).toBeChecked();
  await page.screenshot({ path: "e2e/screenshots/stream-merge-dialog.png" });
  await dialog.getByRole("button", { name: "Merge 2 issues" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Merged 1 issue into" })).toBeVisible();
  await expect(table.getByRole("rowheader")).toHaveCount(1);
  await expect(table.getByRole("row").nth(1).getByRole("cell").first()).toHaveText("3");
  await page.screenshot({ path: "e2e/screenshots/stream-merged.png", fullPage: true });
  expect(await send(api, otherError("OSError", "disk full on /tmp", "spool"))).toBe(big);
  expect(small).not.toBe(big);
});

test("a viewer sees an issue's hashes but no merge or unmerge controls", async ({ browser, page }) => {
  const credentials = { email: `viewer-${unique()}@e2e.test`, password: "a-long-e2e-password" };
  expect((await page.request.post("/api/users", { data: { ...credentials, role: "viewer" } })).status()).toBe(201);
  const issue = await send(page.request, otherError("ValueError", "bad quantity", "quantity"));
  const viewer = await (await browser.newContext()).newPage();
  await signInThroughApi(viewer, credentials);
  await viewer.goto(`/issues/${issue}`);
  await expect(viewer.getByRole("region", { name: /^Hashes/ }).getByRole("row")).toHaveCount(2);
  await expect(viewer.getByRole("checkbox")).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: /Unmerge|Merge…/ })).toHaveCount(0);
  const refused = await viewer.request.post("/api/issues/merge", {
    data: { issueIds: [issue, issue + 1], into: issue },
  });
  expect(refused.status()).toBe(403);
});
