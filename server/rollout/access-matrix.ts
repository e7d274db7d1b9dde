import type { MatrixEntry } from "../testing/matrix";
import { signedInAs } from "../testing/users";
import { setFlags } from "./flag-service";
import { defaultGuardrails } from "./settings";

/** Authorization matrix entries of the Rollout console and the audit-log revert. */
const aProjectParams = async ({ aProject }: { aProject(): Promise<number> }) => ({
  params: { id: String(await aProject()) },
});

export const entries: Record<string, MatrixEntry> = {
  "GET /api/rollout": { access: "viewer" },
  "GET /api/rollout/projects/[id]": { access: "viewer", request: aProjectParams },
  "POST /api/rollout/flags": {
    access: "admin",
    request: async ({ aProject }) => ({
      body: { projectIds: [await aProject()], change: { groupingModel: "v2" }, reason: "matrix" },
    }),
  },
  "POST /api/audit/[id]/revert": {
    access: "admin",
    request: async ({ aProject }) => {
      const admin = await signedInAs("admin");
      const { projects } = await setFlags(
        { id: admin.id, email: admin.email, name: null, role: "admin" },
        { projectIds: [await aProject()], change: { groupingModel: "v2" }, reason: "matrix" },
      );
      return { params: { id: String(projects[0]!.auditId) }, body: {} };
    },
  },
  "POST /api/rollout/cohorts/preview": {
    access: "admin",
    request: async () => ({ body: { cohort: { kind: "percentage", percent: 100 } } }),
  },
  "POST /api/rollout/cohorts": {
    access: "admin",
    request: async ({ prisma, unique }) => {
      const id = 800_000 + unique();
      const platform = `matrix-${id}`;
      await prisma.project.create({ data: { id, slug: platform, name: `Matrix ${id}`, platform } });
      return { body: { cohort: { kind: "filter", platform }, change: { skipFallback: true }, reason: "matrix" } };
    },
  },
  "GET /api/rollout/scheduled": { access: "viewer" },
  "POST /api/rollout/scheduled/[id]/cancel": {
    access: "admin",
    request: async ({ prisma, aProject }) => {
      const change = await prisma.scheduledChange.create({
        data: {
          projectIds: [await aProject()],
          change: { groupingModel: "v2" },
          reason: "matrix",
          runAt: new Date(Date.now() + 86_400_000),
          createdBy: "matrix",
        },
      });
      return { params: { id: String(change.id) } };
    },
  },
  "GET /api/rollout/jobs": { access: "viewer" },
  "POST /api/rollout/jobs": {
    access: "admin",
    request: async ({ aProject }) => ({ body: { projectId: await aProject() } }),
  },
  "POST /api/rollout/jobs/[id]/cancel": {
    access: "admin",
    request: async ({ prisma, aProject }) => {
      const job = await prisma.job.create({
        data: { kind: "backfill", projectId: await aProject(), createdBy: "matrix" },
      });
      return { params: { id: String(job.id) } };
    },
  },
  "GET /api/rollout/guardrails": { access: "viewer" },
  "PUT /api/rollout/guardrails": {
    access: "admin",
    request: async () => ({ body: { settings: defaultGuardrails, reason: "matrix" } }),
  },
};
