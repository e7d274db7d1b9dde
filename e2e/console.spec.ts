import { expect, test } from "@playwright/test";
import { signInThroughApi } from "./sign-in";

test.beforeEach(async ({ page }) => {
  await signInThroughApi(page);
});

test("the health endpoint says the database answered", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "ok", version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
});

test("the Projects page lists the demo projects with their platform and counts", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const section of ["Overview", "Review", "Overgrouping", "Rollout", "Projects", "Models", "Audit", "Users"]) {
    await expect(nav.getByRole("link", { name: section })).toBeVisible();
  }
  await expect(nav.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");

  await nav.getByRole("link", { name: "Projects" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Projects" })).toHaveAttribute("aria-current", "page");

  const table = page.getByRole("table", { name: "Projects" });
  const rows = table.getByRole("row");
  await expect(rows).toHaveCount(5); // header + 4 demo projects
  const checkout = rows.filter({ has: page.getByRole("rowheader", { name: /Checkout API/ }) });
  await expect(checkout.getByRole("cell")).toHaveText(["python", "3", "38", /ago$/]);
  const storefront = rows.filter({ has: page.getByRole("rowheader", { name: /Storefront Web/ }) });
  await expect(storefront.getByRole("cell")).toHaveText(["javascript", "2", "43", /ago$/]);

  await page.screenshot({ path: "e2e/screenshots/projects.png", fullPage: true });
});

test("the Overview page totals the projects", async ({ page }) => {
  await page.goto("/");
  const totals = page.getByRole("region", { name: "Totals" });
  await expect(totals).toContainText("Projects4");
  await expect(totals).toContainText("Issues8");
  await expect(totals).toContainText("Events109");
});
