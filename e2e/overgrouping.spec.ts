import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { demoCorpus } from "../server/training/synthetic";
import { signInThroughApi } from "./sign-in";

/**
 * The Overgrouping page on the demo data. The e2e server's demo has no labels, and its data directory belongs to the
 * server, so `npm run demo:label` cannot run against it. Instead a labeler does what a person would: the admin
 * refills the review queues (which draws the random merge sample), and a labeler labels every merge-sample pair
 * through the review API, answering from the synthetic corpus's ground truth (same root cause → GROUP). The
 * corpus is regenerated here with the demo's options (server/demo/seed.ts `demoCorpus`); a pair whose events the
 * corpus does not know fails the run, so a change of those options cannot go unnoticed.
 */
const demoTruth = new Map(demoCorpus().events.map((item) => [item.event.event_id, item.rootCauseId]));

interface Rate {
  value: number;
  low: number;
  high: number;
  n: number;
}
interface ModelStats {
  model: string;
  merge: { rate: Rate | null; reachedAi: number; merges: number };
  overgrouping: { labeled: number; incorrect: number; plain: Rate | null; weighted: Rate | null };
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

let admin: Page;

async function labelMergeSample(labeler: APIRequestContext): Promise<{ pairs: number; separate: number }> {
  const projects = (await (await labeler.get("/api/projects")).json()).projects as { id: number }[];
  let pairs = 0;
  let separate = 0;
  for (const project of projects) {
    const list = (await (await labeler.get(`/api/review/pairs?source=merge_sample&project=${project.id}`)).json())
      .pairs as { id: number }[];
    expect(list.length, "fewer than 100 sample pairs per project, so the list is whole").toBeLessThan(100);
    for (const { id } of list) {
      const pair = await (await labeler.get(`/api/review/pairs/${id}`)).json();
      const a = demoTruth.get(pair.left.eventId.trim());
      const b = demoTruth.get(pair.right.eventId.trim());
      expect(a && b, `pair ${id}: both events are in the demo corpus`).toBeTruthy();
      const verdict = a === b ? "GROUP" : "SEPARATE";
      const saved = await labeler.post(`/api/review/pairs/${id}/labels`, {
        data: { verdict, note: "from the demo corpus ground truth" },
      });
      expect(saved.status(), await saved.text()).toBe(200);
      pairs += 1;
      if (verdict === "SEPARATE") separate += 1;
    }
  }
  return { pairs, separate };
}

test.beforeAll(async ({ browser, playwright, baseURL }, testInfo) => {
  testInfo.setTimeout(300_000);
  admin = await (await browser.newContext()).newPage();
  await signInThroughApi(admin);
  const refill = await admin.request.post("/api/review/refill", { data: {} });
  expect(refill.status(), await refill.text()).toBe(200);

  const credentials = { email: `ground-truth-${Date.now()}@e2e.test`, password: "a-long-e2e-password" };
  const created = await admin.request.post("/api/users", { data: { ...credentials, role: "labeler" } });
  expect(created.status()).toBe(201);
  const labeler = await playwright.request.newContext({ baseURL });
  expect((await labeler.post("/api/auth/signin", { data: credentials })).status()).toBe(200);
  const labeled = await labelMergeSample(labeler);
  console.log(`labeled ${labeled.pairs} merge-sample pairs from the ground truth, ${labeled.separate} SEPARATE`);
  expect(labeled.pairs).toBeGreaterThan(0);
  await labeler.dispose();
});

test.beforeEach(async ({ page }) => {
  await signInThroughApi(page);
});

test("the dashboard shows each model's rates with interval and n, equal to the API's numbers", async ({ page }) => {
  const api = (await (await page.request.get("/api/overgrouping")).json()) as {
    perModel: ModelStats[];
    minSample: number;
  };
  await page.goto("/overgrouping");
  await expect(page.getByRole("heading", { level: 1, name: "Overgrouping" })).toBeVisible();
  await expect(page.getByTestId("estimator-shown")).toContainText("inverse-probability weighted estimate");

  for (const stats of api.perModel) {
    const row = page.getByRole("group", { name: `Model ${stats.model}` });
    const tile = row.getByRole("region", { name: `Overgrouping rate · ${stats.model}` });
    const rate = stats.overgrouping.weighted;
    if (rate) {
      await expect(tile.getByTestId("rate-value")).toHaveText(percent(rate.value));
      await expect(tile.getByTestId("rate-interval")).toHaveText(`95% CI ${percent(rate.low)}–${percent(rate.high)}`);
      await expect(tile.getByTestId("rate-sample")).toContainText(
        `${stats.overgrouping.incorrect} wrong of ${stats.overgrouping.labeled} labeled merges`,
      );
    } else {
      await expect(tile.getByLabel("no rate")).toBeVisible();
    }
    const merge = row.getByRole("region", { name: `Merge rate · ${stats.model}` });
    if (stats.merge.rate) await expect(merge.getByTestId("rate-value")).toHaveText(percent(stats.merge.rate.value));
    const plain = stats.overgrouping.plain;
    console.log(
      `${stats.model}: merge rate ${stats.merge.rate ? `${percent(stats.merge.rate.value)} (${stats.merge.merges}/${stats.merge.reachedAi})` : "—"}; ` +
        `overgrouping ${stats.overgrouping.incorrect}/${stats.overgrouping.labeled}` +
        (rate && plain
          ? `, weighted ${percent(rate.value)} [${percent(rate.low)}, ${percent(rate.high)}], plain ${percent(plain.value)} [${percent(plain.low)}, ${percent(plain.high)}]`
          : ""),
    );
  }
  await expect(page.getByRole("figure", { name: "Merge rate by day" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Rates by project" })).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/overgrouping-dashboard.png", fullPage: true });

  await page.getByRole("radio", { name: "Sample proportion" }).check();
  await expect(page.getByTestId("estimator-shown")).toContainText("sample proportion");
});

test("tables sort, small samples are flagged, and a rate drills down to its labeled merges and into the pair view", async ({
  page,
}) => {
  await page.goto("/overgrouping");
  const table = page.getByRole("table", { name: "Rates by project" });
  const header = table.getByRole("columnheader", { name: /Labeled merges/ });
  await header.getByRole("button").click();
  await expect(header).toHaveAttribute("aria-sort", "descending");
  await header.getByRole("button").click();
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  // Every per-project stratum of the demo holds fewer than 30 labeled merges: each says so.
  await expect(table.getByRole("note").first()).toContainText("< 30");

  const drill = page.getByRole("link", { name: /^Show the \d+ labeled merges of v2$/ });
  const count = Number((await drill.textContent())!.replace(/\D+/g, " ").trim().split(" ")[0]);
  await drill.click();
  await expect(page).toHaveURL(/\/overgrouping\/merges\?model=v2$/);
  const rows = page.getByRole("table", { name: "Labeled merges" }).getByRole("row");
  await expect(rows).toHaveCount(count + 1);
  const first = rows.nth(1).getByRole("link", { name: /^Pair #\d+$/ });
  const pairId = (await first.textContent())!.replace(/\D/g, "");
  await first.click();
  await expect(page).toHaveURL(new RegExp(`/review/pairs/${pairId}$`));
});

test("the threshold explorer plots precision and recall per model with the current and the 95% thresholds", async ({
  page,
}) => {
  await page.goto("/overgrouping/threshold");
  await expect(page.getByRole("heading", { level: 1, name: "Threshold explorer" })).toBeVisible();
  for (const model of ["v1", "v2"]) {
    const panel = page.getByRole("region", { name: `Threshold curve ${model} · all platforms` });
    await expect(panel).toBeVisible();
    await expect(panel.getByText(/^current \d\.\d{3}$/)).toBeVisible();
    await expect(panel.getByTestId("target-threshold")).toContainText("Loosest threshold with precision ≥ 95.0%");
  }
  await page.screenshot({ path: "e2e/screenshots/overgrouping-threshold.png", fullPage: true });
  await page.getByRole("combobox", { name: "Platform" }).selectOption({ index: 1 });
  await expect(page.getByRole("region", { name: /Threshold curve v1 · (?!all)/ })).toBeVisible();
});
