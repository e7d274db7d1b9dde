import { expect, test } from "@playwright/test";
import { signInThroughApi } from "./sign-in";

interface ProjectRow {
  id: number;
  name: string;
  slug: string;
  platform: string;
  issueCount: number;
  eventCount: number;
}

test.beforeEach(async ({ page }) => {
  await signInThroughApi(page);
});

test("the health endpoint says the database answered", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({
    status: "ok",
    db: "ok",
    models: expect.stringMatching(/^(warming|ready)$/),
    version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    inbox: { depth: expect.any(Number), lagSeconds: expect.any(Number) },
  });
});

test("the navigation says whether ingest is up to date, from the inbox the health endpoint reports", async ({
  page,
}) => {
  await page.goto("/projects");
  await expect(page.getByRole("status", { name: "Ingest inbox" })).toHaveText(
    /^Ingest: (up to date|[\d,]+ waiting, (under a second|\d+ s) behind)$/,
  );
});

test("the Projects page lists the demo projects with their platform and counts", async ({ page }) => {
  const { projects } = (await (await page.request.get("/api/projects")).json()) as { projects: ProjectRow[] };
  expect(projects.length).toBeGreaterThanOrEqual(4);
  expect(new Set(projects.map((p) => p.platform)).size).toBeGreaterThanOrEqual(3);

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

  const rows = page.getByRole("table", { name: "Projects" }).getByRole("row");
  await expect(rows).toHaveCount(projects.length + 1); // + the header
  for (const project of projects) {
    const row = rows.filter({ has: page.getByRole("rowheader", { name: new RegExp(project.slug) }) });
    await expect(row.getByRole("cell")).toHaveText([
      project.platform,
      project.issueCount.toLocaleString("en-US"),
      project.eventCount.toLocaleString("en-US"),
      // Other specs send events to the demo projects too, so a last event may have arrived moments ago.
      /ago$|^just now$/,
    ]);
  }
  await page.screenshot({ path: "e2e/screenshots/projects.png", fullPage: true });
});

test("the Overview page totals the projects", async ({ page }) => {
  const { projects } = (await (await page.request.get("/api/projects")).json()) as { projects: ProjectRow[] };
  const events = projects.reduce((sum, p) => sum + p.eventCount, 0);
  await page.goto("/");
  const totals = page.getByRole("region", { name: "Totals" });
  await expect(totals).toContainText(`Projects${projects.length}`);
  await expect(totals).toContainText(`Events${events.toLocaleString("en-US")}`);
});
