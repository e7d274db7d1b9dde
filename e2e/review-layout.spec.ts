import { expect, test } from "@playwright/test";
import { signInThroughApi, signInThroughForm } from "./sign-in";

/** The review screen at a common laptop width: nothing of the decisions table is cut off, the label row is one row. */
test.use({ viewport: { width: 1440, height: 900 } });

test("at 1440 px the Decision column sits inside its card and Undo stays on the row of the other label buttons", async ({
  page,
  browser,
}) => {
  await signInThroughApi(page);
  const labeler = { email: `layout-${Date.now()}@e2e.test`, password: "a-long-e2e-password" };
  expect((await page.request.post("/api/users", { data: { ...labeler, role: "labeler" } })).status()).toBe(201);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const labelerPage = await context.newPage();
  await signInThroughForm(labelerPage, labeler);
  await labelerPage.goto("/review/label");
  await expect(labelerPage.getByRole("heading", { level: 2, name: /^Pair #\d+$/ })).toBeVisible();

  const card = labelerPage.getByRole("region", { name: "Model decisions" });
  const cardBox = (await card.boundingBox())!;
  const cardRight = cardBox.x + cardBox.width;
  const decisionCells = [card.getByRole("columnheader", { name: "Decision" }), ...(await card.getByRole("cell").all())];
  for (const cell of decisionCells) {
    const box = (await cell.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(cardBox.x);
    expect(box.x + box.width, `${await cell.textContent()} ends inside the card`).toBeLessThanOrEqual(cardRight);
  }
  await expect(card.getByText(/would (not )?merge/).first()).toBeInViewport();

  const rowOf = async (name: string) => (await labelerPage.getByRole("button", { name, exact: true }).boundingBox())!;
  const first = await rowOf("Same root cause");
  for (const name of ["Different root cause", "Unsure", "Skip", "Undo"]) {
    const box = await rowOf(name);
    expect(Math.abs(box.y - first.y), `${name} on the first button's row`).toBeLessThan(2);
  }
  await labelerPage.screenshot({ path: "e2e/screenshots/review-1440.png" });
  await context.close();
});
