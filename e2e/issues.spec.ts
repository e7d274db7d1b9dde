import { expect, test, type Page } from "@playwright/test";
import { signInThroughApi } from "./sign-in";

interface Issue {
  id: number;
  title: string;
  aiMergedEvents: number;
}

/** The project (its DSN), its model (the rollout row), and its issues that the AI step merged into. */
async function projectWithMerges(page: Page, id: number) {
  const { project } = (await (await page.request.get(`/api/projects/${id}`)).json()) as {
    project: { id: number; name: string; dsn: string };
  };
  const rollout = (await (await page.request.get(`/api/rollout/projects/${id}`)).json()) as {
    project: { groupingModel: string };
  };
  const merged = (await (await page.request.get(`/api/projects/${id}/issues?created=ai_merge`)).json()) as {
    issues: Issue[];
  };
  return { project, groupingModel: rollout.project.groupingModel, issues: merged.issues };
}

test.beforeEach(async ({ page }) => {
  await signInThroughApi(page);
});

for (const model of ["v1", "v2"] as const) {
  test(`an issue merged by ${model} explains why each event is in it`, async ({ page }) => {
    // The demo runs projects 2, 5 and 7 on v2 and the others on v1.
    const projectId = model === "v1" ? 1 : 2;
    const { project, groupingModel, issues } = await projectWithMerges(page, projectId);
    expect(groupingModel).toBe(model);
    const merged = issues.find((issue) => issue.aiMergedEvents > 0);
    expect(merged, `an issue of project ${projectId} with AI-merged events`).toBeDefined();

    await page.goto(`/projects/${projectId}`);
    await expect(page.getByRole("heading", { level: 1, name: project.name })).toBeVisible();
    await expect(page.getByRole("region", { name: "DSN" })).toContainText(project.dsn);
    // The stream finds it by its title, filtered to the issues the AI merged into.
    await page.getByLabel("Created").selectOption("ai_merge");
    await page.getByRole("searchbox", { name: "Search" }).fill(merged!.title);
    await expect(page).toHaveURL(/[?&]q=/);
    await page.getByRole("table", { name: "Issues" }).getByRole("link", { name: merged!.title }).first().click();
    await expect(page).toHaveURL(new RegExp(`/issues/${merged!.id}$`));

    const aiEvent = page
      .getByRole("region", { name: "Events" })
      .getByRole("listitem")
      .filter({ hasText: "AI merge" })
      .first();
    await aiEvent.locator("summary").first().click();
    await expect(aiEvent.getByText("No fingerprint matched; the AI step merged it into this issue.")).toBeVisible();
    await expect(
      aiEvent.getByText(new RegExp(`^(${model} answered|v2 found nothing, so v1 answered \\(fallback\\))$`)),
    ).toBeVisible();
    await expect(aiEvent.getByText(/→ merged$/)).toBeVisible();
    await expect(aiEvent.getByText(/^Shadow \((v1|v2), read-only\)$/)).toBeVisible();
    await page.screenshot({ path: `e2e/screenshots/issue-merged-by-${model}.png`, fullPage: true });
  });
}
