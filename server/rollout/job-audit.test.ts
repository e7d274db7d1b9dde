import { describe, expect, it } from "vitest";
import { setUpTestDatabase } from "../testing/test-environment";
import { fixtureModels } from "../testing/fixture-models";
import { signedInAs } from "../testing/users";
import { cancelJobHandler, createJobsHandler } from "./http";
import { createProject } from "./test-fixtures";

const database = setUpTestDatabase({ models: fixtureModels });

const post = (url: string, cookie: string, body?: unknown) =>
  new Request(url, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe("backfill jobs in the audit log", () => {
  it("records who asked for a project's backfill and who cancelled its job", async () => {
    const admin = await signedInAs("admin");
    const project = await createProject(database.prisma);
    const created = await createJobsHandler(
      post("http://localhost/api/rollout/jobs", admin.cookie, { projectId: project.id }),
    );
    expect(created.status).toBe(200);
    const [job] = ((await created.json()) as { jobs: { id: number }[] }).jobs;

    const cancelled = await cancelJobHandler(
      post(`http://localhost/api/rollout/jobs/${job!.id}/cancel`, admin.cookie),
      {
        params: Promise.resolve({ id: String(job!.id) }),
      },
    );
    expect(cancelled.status).toBe(200);

    const entries = await database.prisma.auditEntry.findMany({
      where: { actorId: admin.id },
      orderBy: { id: "asc" },
    });
    expect(entries).toMatchObject([
      {
        action: "backfill.request",
        actor: admin.email,
        targetType: "project",
        targetId: String(project.id),
        after: { jobId: job!.id, status: "queued" },
      },
      { action: "job.cancel", targetType: "job", targetId: String(job!.id), after: { status: "cancelled" } },
    ]);
  });
});
