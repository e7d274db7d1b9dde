import { expect, test, type Locator, type Page } from "@playwright/test";
import { signInThroughApi } from "./sign-in";

/**
 * The console's dialogs work from the keyboard: focus moves into the dialog and Tab cycles inside it, Escape closes
 * it without doing anything, and focus goes back to the control that opened it.
 */
async function focusIsInside(page: Page, dialog: Locator): Promise<boolean> {
  const handle = await dialog.elementHandle();
  return page.evaluate((element) => element !== null && element.contains(document.activeElement), handle);
}

async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return `${element?.tagName}:${element?.getAttribute("aria-label") ?? element?.textContent?.trim() ?? ""}`;
  });
}

test.beforeEach(async ({ page }) => {
  await signInThroughApi(page);
});

test("the flag-change dialog keeps Tab inside, closes on Escape and gives focus back to its button", async ({
  page,
}) => {
  const flagRequests: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/rollout/flags")) flagRequests.push(request.method());
  });
  await page.goto("/rollout");
  const opener = page.getByRole("button", { name: /^Move .+ to v2$/ }).first();
  const name = (await opener.textContent())!.replace(/^Move to v2/, "").trim();
  await opener.focus();
  await page.keyboard.press("Enter");

  const dialog = page.getByRole("dialog", { name });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute("aria-describedby", /.+/);
  expect(await focusIsInside(page, dialog)).toBe(true);

  // Forward and backward through more stops than the dialog has: focus never leaves it, and comes round again.
  const seen: string[] = [];
  for (let step = 0; step < 6; step += 1) {
    await page.keyboard.press("Tab");
    expect(await focusIsInside(page, dialog), `after Tab ${step + 1}`).toBe(true);
    seen.push(await focusedName(page));
  }
  expect(new Set(seen).size).toBeLessThan(seen.length);
  for (let step = 0; step < 4; step += 1) {
    await page.keyboard.press("Shift+Tab");
    expect(await focusIsInside(page, dialog), `after Shift+Tab ${step + 1}`).toBe(true);
  }
  await page.screenshot({ path: "e2e/screenshots/dialog-flag-change.png" });

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  expect(flagRequests).toEqual([]);
});

test("the shortcut sheet opens with its button, blocks the label keys while open, and Escape gives focus back", async ({
  page,
}) => {
  await page.goto("/review/label");
  const heading = page.getByRole("heading", { level: 2, name: /^Pair #\d+$/ });
  await expect(heading).toBeVisible();
  const pair = await heading.textContent();
  const opener = page.getByRole("button", { name: "Keyboard shortcuts (?)" });
  await opener.click();
  const sheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText("Undo your last label");

  // "g" would label the pair behind the sheet; with the sheet open it does nothing.
  await page.keyboard.press("g");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  expect(await focusIsInside(page, sheet)).toBe(true);
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();
  await expect(opener).toBeFocused();
  await expect(heading).toHaveText(pair!);

  // "?" toggles it from the keyboard too.
  await page.keyboard.press("?");
  await expect(sheet).toBeVisible();
  await page.keyboard.press("?");
  await expect(sheet).toBeHidden();
});
