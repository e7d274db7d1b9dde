import type { MatrixRequests } from "../testing/matrix";
import { signedInAs } from "../testing/users";
import { setFlags } from "./flag-service";
import { defaultGuardrails } from "./settings";

/** Requests of the Rollout console and the audit-log revert that succeed for an admin. */
export const requests: MatrixRequests = {
  rolloutProject: async ({ aProject }) => ({ params: { id: await aProject() } }),
  setFlags: async ({ aProject }) => ({
    body: { projectIds: [await aProject()], change: { groupingModel: "v2" }, reason: "matrix" },
  }),
  revertAudit: async ({ aProject }) => {
    const admin = await signedInAs("admin");
    const { projects } = await setFlags(
      { id: admin.id, email: admin.email, name: null, role: "admin" },
      { projectIds: [await aProject()], change: { groupingModel: "v2" }, reason: "matrix" },
    );
    return { params: { id: projects[0]!.auditId }, body: {} };
  },
  previewCohort: async () => ({ body: { cohort: { kind: "percentage", percent: 100 } } }),
  applyCohort: async ({ prisma, unique }) => {
    const id = 800_000 + unique();
    const platform = `matrix-${id}`;
    await prisma.project.create({ data: { id, slug: platform, name: `Matrix ${id}`, platform } });
    return { body: { cohort: { kind: "filter", platform }, change: { skipFallback: true }, reason: "matrix" } };
  },
  cancelScheduled: async ({ prisma, aProject }) => {
    const change = await prisma.scheduledChange.create({
      data: {
        projectIds: [await aProject()],
        change: { groupingModel: "v2" },
        reason: "matrix",
        runAt: new Date(Date.now() + 86_400_000),
        createdBy: "matrix",
      },
    });
    return { params: { id: change.id } };
  },
  createJobs: async ({ aProject }) => ({ body: { projectId: await aProject() } }),
  cancelJob: async ({ prisma, aProject }) => {
    const job = await prisma.job.create({
      data: { kind: "backfill", projectId: await aProject(), createdBy: "matrix" },
    });
    return { params: { id: job.id } };
  },
  updateGuardrails: async () => ({ body: { settings: defaultGuardrails, reason: "matrix" } }),
};
