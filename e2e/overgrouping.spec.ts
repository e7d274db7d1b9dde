import { expect, test } from "@playwright/test";
import { signInThroughApi } from "./sign-in";

/**
 * The Overgrouping page on the demo data, as a new user first sees it: `npm run demo` labeled the random merge sample
 * with the demo corpus's ground truth (a simulated expert, counted as an expert) and with the built-in automated
 * labeler (never counted as one), so the page answers on first open without anyone labeling by hand.
 */

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
interface Dashboard {
  perModel: ModelStats[];
  minSample: number;
  labels: { source: string };
  labelSources: { labeler: string; kappa: number | null; n: number; passes: boolean }[];
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

test.beforeEach(async ({ page }) => {
  await signInThroughApi(page);
});

test("on first open the dashboard shows both models' rates with interval and n, from the experts' labels", async ({
  page,
}) => {
  const api = (await (await page.request.get("/api/overgrouping")).json()) as Dashboard;
  // The demo's merge sample is labeled: both models have an overgrouping rate.
  expect(api.perModel.map((stats) => stats.model)).toEqual(["v1", "v2"]);
  for (const stats of api.perModel) expect(stats.overgrouping.weighted, stats.model).not.toBeNull();
  await page.goto("/overgrouping");
  await expect(page.getByRole("heading", { level: 1, name: "Overgrouping" })).toBeVisible();
  await expect(page.getByTestId("estimator-shown")).toContainText("inverse-probability weighted estimate");
  await expect(page.getByTestId("label-source-shown")).toHaveText("Labels: experts' labels.");
  await expect(page.getByText("No merge of the random merge sample is labeled yet")).toHaveCount(0);

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

  // The built-in labeler is offered as a source of the rates only once its kappa against the experts passes.
  const builtin = api.labelSources.find((source) => source.labeler === "builtin-alignment")!;
  expect(builtin.n).toBeGreaterThan(0);
  const option = page.getByRole("combobox", { name: "Rates from" }).getByRole("option", { name: /^builtin-alignment/ });
  await expect(option).toHaveText(
    `builtin-alignment (κ ${builtin.kappa === null ? "–" : builtin.kappa.toFixed(2)} on ${builtin.n} pairs${builtin.passes ? "" : ", below 0.7"})`,
  );
  if (builtin.passes) await expect(option).toBeEnabled();
  else await expect(option).toBeDisabled();

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
