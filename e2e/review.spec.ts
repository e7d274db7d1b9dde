import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInThroughApi, signInThroughForm } from "./sign-in";

const password = "a-long-e2e-password";

/** Creates a user through the API as the admin (signed in on `admin`). */
async function createUser(admin: Page, role: "viewer" | "labeler", name: string) {
  const email = `${name}-${Date.now()}@e2e.test`;
  const response = await admin.request.post("/api/users", { data: { email, role, password } });
  expect(response.status()).toBe(201);
  return { email, password };
}

async function signedInPage(browser: Browser, credentials: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInThroughForm(page, credentials);
  return page;
}

const pairHeading = (page: Page) => page.getByRole("heading", { level: 2, name: /^Pair #\d+$/ });
async function currentPairId(page: Page): Promise<number> {
  await expect(pairHeading(page)).toBeVisible();
  return Number((await pairHeading(page).textContent())!.replace(/\D/g, ""));
}
async function waitForPairOtherThan(page: Page, previous: number): Promise<number> {
  await expect(pairHeading(page)).not.toHaveText(`Pair #${previous}`);
  return currentPairId(page);
}

let admin: Page;

test.beforeAll(async ({ browser }, testInfo) => {
  testInfo.setTimeout(240_000);
  admin = await (await browser.newContext()).newPage();
  await signInThroughApi(admin);
  // What the end of the demo seed does (seedReviewQueues): the queues filled from the grouping decisions.
  const refill = await admin.request.post("/api/review/refill", { data: {} });
  expect(refill.status(), await refill.text()).toBe(200);
  const summary = await (await admin.request.get("/api/review/queue")).json();
  const total = (summary.counts as { pairs: number }[]).reduce((sum, c) => sum + c.pairs, 0);
  console.log("review queues after refill:", JSON.stringify(summary.counts));
  expect(total).toBeGreaterThanOrEqual(12);
});

test("a labeler labels 5 pairs with the keyboard only, undoes one, and after a reload 4 labels are stored and the undone pair is back", async ({
  browser,
}) => {
  const credentials = await createUser(admin, "labeler", "keyboard");
  const page = await signedInPage(browser, credentials);
  await page.goto("/review");
  await page.getByRole("link", { name: /Start labeling/ }).click();
  await expect(page).toHaveURL(/\/review\/label/);
  await expect(page.getByRole("region", { name: "Stacktrace comparison" })).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/review-pair.png", fullPage: true });

  const labeled: number[] = [];
  let id = await currentPairId(page);
  for (const key of ["g", "s", "g", "u", "s"]) {
    labeled.push(id);
    await page.keyboard.press(key);
    id = await waitForPairOtherThan(page, id);
  }
  expect(new Set(labeled).size).toBe(5);

  await page.keyboard.press("z");
  await expect(
    page.getByRole("status").filter({ hasText: `Undid your SEPARATE on pair #${labeled[4]}` }),
  ).toBeVisible();
  await expect(pairHeading(page)).toHaveText(`Pair #${labeled[4]}`);

  await page.reload();
  await expect(pairHeading(page)).toHaveText(`Pair #${labeled[4]}`);
  await page.screenshot({ path: "e2e/screenshots/review-after-undo-reload.png", fullPage: true });

  const progress = await (await page.request.get("/api/review/progress")).json();
  const mine = (
    progress.labelers as { labeler: string; total: number; group: number; separate: number; unsure: number }[]
  ).find((l) => l.labeler === credentials.email);
  expect(mine).toMatchObject({ total: 4, group: 2, separate: 1, unsure: 1 });
  for (const pairId of labeled.slice(0, 4)) {
    const pair = await (await page.request.get(`/api/review/pairs/${pairId}`)).json();
    expect(pair.myLabel.labeler).toBe(credentials.email);
  }
  const undone = await (await page.request.get(`/api/review/pairs/${labeled[4]}`)).json();
  expect(undone.myLabel).toBeNull();
  await page.context().close();
});

test("blind mode hides both decisions until the label is saved", async ({ browser }) => {
  const page = await signedInPage(browser, await createUser(admin, "labeler", "blind"));
  await page.goto("/review");
  await page.getByRole("checkbox", { name: /Blind mode/ }).check();
  await page.getByRole("link", { name: /Start labeling/ }).click();
  const decisions = page.getByRole("region", { name: "Model decisions" });
  await expect(decisions).toContainText("Hidden in blind mode");
  await expect(decisions.getByRole("row")).toHaveCount(0);
  await expect(page.getByText(/would (not )?merge/)).toHaveCount(0);
  await page.screenshot({ path: "e2e/screenshots/review-blind-before.png", fullPage: true });

  const first = await currentPairId(page);
  await page.getByRole("button", { name: "Different root cause" }).click();
  await waitForPairOtherThan(page, first);
  const revealed = page.getByRole("region", { name: `Decisions for pair #${first}` });
  await expect(revealed.getByRole("rowheader", { name: "v1" })).toBeVisible();
  await expect(revealed.getByRole("rowheader", { name: "v2" })).toBeVisible();
  await expect(revealed).toContainText(/would (not )?merge/);
  // The next pair is blind again.
  await expect(page.getByRole("region", { name: "Model decisions" })).toContainText("Hidden in blind mode");
  await page.screenshot({ path: "e2e/screenshots/review-blind-after.png", fullPage: true });
  await page.context().close();
});

test("two labelers in two browsers never get the same pair at the same time", async ({ browser }) => {
  const [one, two] = await Promise.all([
    createUser(admin, "labeler", "first").then((c) => signedInPage(browser, c)),
    createUser(admin, "labeler", "second").then((c) => signedInPage(browser, c)),
  ]);
  await Promise.all([one.goto("/review/label"), two.goto("/review/label")]);
  let ids = await Promise.all([currentPairId(one), currentPairId(two)]);
  for (let round = 0; round < 3; round++) {
    expect(ids[0]).not.toBe(ids[1]);
    await Promise.all([one.keyboard.press("g"), two.keyboard.press("s")]);
    ids = await Promise.all([waitForPairOtherThan(one, ids[0]!), waitForPairOtherThan(two, ids[1]!)]);
  }
  expect(ids[0]).not.toBe(ids[1]);
  await one.screenshot({ path: "e2e/screenshots/review-labeler-one.png" });
  await two.screenshot({ path: "e2e/screenshots/review-labeler-two.png" });
  await one.context().close();
  await two.context().close();
});

test("viewers can look at a pair but get no label buttons, and the API refuses their labels", async ({ browser }) => {
  const page = await signedInPage(browser, await createUser(admin, "viewer", "viewer"));
  await page.goto("/review");
  await expect(page.getByRole("link", { name: /Start labeling/ })).toHaveCount(0);
  await page.getByRole("region", { name: "Pairs" }).getByRole("link").first().click();
  await expect(page.getByRole("region", { name: "Stacktrace comparison" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Model decisions" })).toBeVisible();
  for (const name of ["Same root cause", "Different root cause", "Unsure", "Skip", "Undo"]) {
    await expect(page.getByRole("button", { name })).toHaveCount(0);
  }
  await page.keyboard.press("g");
  const pairId = Number(page.url().split("/").pop());
  const refused = await page.request.post(`/api/review/pairs/${pairId}/labels`, { data: { verdict: "GROUP" } });
  expect(refused.status()).toBe(403);
  expect((await page.request.post("/api/labels/undo", { data: {} })).status()).toBe(403);
  const pair = await (await page.request.get(`/api/review/pairs/${pairId}`)).json();
  expect(pair.myLabel).toBeNull();
  await page.screenshot({ path: "e2e/screenshots/review-viewer.png", fullPage: true });
  await page.context().close();
});
