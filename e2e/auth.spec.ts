import { expect, test } from "@playwright/test";
import { e2eAdmin, signInThroughForm } from "./sign-in";

test("a console page sends a visitor without a session to sign in, and back after it", async ({ page }) => {
  await page.goto("/projects");
  await expect(page).toHaveURL(/\/signin\?next=%2Fprojects$/);
  await page.getByLabel("Email").fill(e2eAdmin.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText(
    "The email or password is wrong, or the account is disabled.",
  );
  await page.getByLabel("Password").fill(e2eAdmin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
});

test("an admin creates a labeler, who is refused the admin pages; the audit log shows it", async ({
  page,
  browser,
}) => {
  const labeler = { email: `labeler-${Date.now()}@e2e.test`, password: "labeler-password-1" };

  await signInThroughForm(page, e2eAdmin);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  const form = page.getByRole("form", { name: "Create user" });
  await form.getByLabel("Email").fill(labeler.email);
  await form.getByLabel("Role").selectOption("labeler");
  await form.getByLabel("Password").fill(labeler.password);
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByRole("status")).toHaveText(`Created ${labeler.email}.`);
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: labeler.email }) });
  await expect(row.getByLabel(`Role of ${labeler.email}`)).toHaveValue("labeler");
  await page.screenshot({ path: "e2e/screenshots/users.png", fullPage: true });

  // The labeler, in a browser of their own.
  const labelerContext = await browser.newContext();
  const labelerPage = await labelerContext.newPage();
  await signInThroughForm(labelerPage, labeler);
  const nav = labelerPage.getByRole("navigation", { name: "Main" });
  await expect(nav.getByText(labeler.email)).toBeVisible();
  await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
  const refused = await labelerPage.goto("/admin/users");
  expect(refused?.status()).toBe(403);
  await expect(labelerPage.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  const api = await labelerPage.request.post("/api/users", {
    data: { email: "sneaky@e2e.test", role: "admin", password: "sneaky-password-1" },
  });
  expect(api.status()).toBe(403);
  await labelerPage.screenshot({ path: "e2e/screenshots/labeler-refused.png" });
  await labelerContext.close();

  // The admin sees who created the labeler in the audit log.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit" }).click();
  await page.getByLabel("Target").fill(labeler.email);
  const entry = page.getByRole("row").filter({ hasText: "user.create" }).filter({ hasText: labeler.email });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(e2eAdmin.email);
});
