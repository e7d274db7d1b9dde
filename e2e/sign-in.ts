import { expect, type Page } from "@playwright/test";

/** The admin the e2e server is started with (playwright.config.ts). */
export const e2eAdmin = { email: "admin@e2e.test", password: "e2e-admin-password" };

/** Signs the page's browser context in through the API (the cookie is shared with the page). */
export async function signInThroughApi(page: Page, credentials = e2eAdmin): Promise<void> {
  const response = await page.request.post("/api/auth/signin", { data: credentials });
  expect(response.status()).toBe(200);
}

/** Signs in through the sign-in form, as a person does. */
export async function signInThroughForm(page: Page, credentials: { email: string; password: string }): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
}
