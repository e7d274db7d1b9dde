import { expect, test } from "@playwright/test";
import { signInThroughApi } from "./sign-in";

/**
 * Automated labels in the console: the Agreement page shows the built-in labeler measured against the experts (on the
 * demo, the corpus's ground truth as a simulated expert labeled the merge sample), and an admin runs a label job with
 * progress from there.
 */
test.beforeEach(async ({ page }) => {
  await signInThroughApi(page);
});

test("the Agreement page shows the built-in labeler's kappa and confusion matrix against the simulated expert", async ({
  page,
}) => {
  const api = await (await page.request.get("/api/review/agreement")).json();
  const builtin = api.automated.find((entry: { labeler: string }) => entry.labeler === "builtin-alignment");
  expect(builtin, "the demo labeled the merge sample with the built-in labeler").toBeTruthy();
  expect(builtin.n).toBeGreaterThanOrEqual(20);
  await page.goto("/review/agreement");
  const row = page.getByTestId("automated-builtin-alignment");
  await expect(row.getByTestId("automated-kappa")).toHaveText(builtin.kappa.toFixed(3));
  const matrix = row.getByRole("table", { name: "Confusion matrix of builtin-alignment against the experts" });
  const cells = await matrix.getByRole("cell").allTextContents();
  expect(cells.map(Number).reduce((sum, count) => sum + count, 0)).toBe(builtin.n);
  await page.screenshot({ path: "e2e/screenshots/agreement-automated.png", fullPage: true });
});

test("an admin labels pairs with the built-in labeler as a job, with progress", async ({ page }) => {
  await page.goto("/review/agreement");
  const panel = page.getByRole("region", { name: "Automated labeling" });
  await panel.getByLabel("Labeler").selectOption("builtin");
  await panel.getByLabel("Pairs").selectOption("disagreement");
  await panel.getByLabel("At most (optional)").fill("15");
  await panel.getByRole("button", { name: "Start labeling" }).click();
  const job = panel.getByTestId("label-job").first();
  await expect(job).toContainText("builtin on v1/v2 disagreement (at most 15)");
  await expect(job).toContainText(/builtin-alignment \(alignment-\d+\): \d+ of \d+ pair\(s\) labeled/, {
    timeout: 20_000,
  });
  await expect(job.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  await page.screenshot({ path: "e2e/screenshots/agreement-label-job.png", fullPage: true });
});
