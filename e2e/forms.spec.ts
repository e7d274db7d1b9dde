import { expect, test, type Page } from "@playwright/test";
import { e2eAdmin, signInThroughApi } from "./sign-in";

/**
 * Forms check what the contract says before anything is sent and show it beside the field; what only the server
 * can know (an email already taken) comes back beside its field too.
 */
function recordRequests(page: Page, path: string): string[] {
  const sent: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === path && request.method() !== "GET") sent.push(request.method());
  });
  return sent;
}

test.beforeEach(async ({ page }) => {
  await signInThroughApi(page);
});

test("the create-user form shows the contract's password rule beside the field without sending anything", async ({
  page,
}) => {
  const sent = recordRequests(page, "/api/users");
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "Create user" });
  await form.getByLabel("Email").fill(`short-${Date.now()}@e2e.test`);
  await form.getByLabel("Password").fill("too-short");
  await form.getByRole("button", { name: "Create user" }).click();

  const password = form.getByLabel("Password");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAccessibleDescription(/must be at least 12 characters/);
  await expect(password).toBeFocused();
  await page.screenshot({ path: "e2e/screenshots/form-contract-error.png" });

  // The error goes away as soon as the field satisfies the rule.
  await password.fill("long-enough-password");
  await expect(password).not.toHaveAttribute("aria-invalid", "true");
  expect(sent).toEqual([]);
});

test("the cohort form asks for a reason of at least 3 characters, beside the field, without a request", async ({
  page,
}) => {
  const sent = recordRequests(page, "/api/rollout/cohorts");
  await page.goto("/rollout");
  const cohort = page.getByRole("region", { name: "Cohort change" });
  await cohort.getByLabel("Cohort reason").fill("ab");
  await cohort.getByRole("button", { name: "Apply change" }).click();
  await expect(cohort.getByLabel("Cohort reason")).toHaveAccessibleDescription("say why (at least 3 characters)");
  expect(sent).toEqual([]);
});

test("an email that is already taken comes back from the server beside the Email field", async ({ page }) => {
  const sent = recordRequests(page, "/api/users");
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "Create user" });
  await form.getByLabel("Email").fill(e2eAdmin.email);
  await form.getByLabel("Password").fill("a-long-enough-password");
  const answer = page.waitForResponse(
    (r) => new URL(r.url()).pathname === "/api/users" && r.request().method() === "POST",
  );
  await form.getByRole("button", { name: "Create user" }).click();
  expect((await answer).status()).toBe(409);

  const email = form.getByLabel("Email");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAccessibleDescription("a user with this email already exists");
  // Placed beside its field: nothing at the form's top, and the password is not blamed.
  await expect(form.getByRole("alert")).toHaveCount(0);
  await expect(form.getByLabel("Password")).not.toHaveAttribute("aria-invalid", "true");
  expect(sent).toEqual(["POST"]);
  await page.screenshot({ path: "e2e/screenshots/form-server-error.png" });
});
