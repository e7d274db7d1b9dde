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
  whatIfReplays: async ({ aProject }) => ({ params: { id: await aProject() } }),
  // A project of its own: one replay per project may be active.
  createWhatIf: async ({ prisma, unique }) => {
    const id = 810_000 + unique();
    await prisma.project.create({ data: { id, slug: `what-if-${id}`, name: `What-if ${id}`, platform: "python" } });
    return { params: { id }, body: { model: "v2" } };
  },
  queueWhatIfMerges: async ({ prisma, aProject }) => {
    const empty = { issues: 0, reachedAi: 0, merges: 0, mergeRate: null };
    const result = {
      ...{ from: null, to: null, events: 0, leftOut: 0, today: { issues: 0, aiMerges: 0 }, replay: empty },
      ...{ overgrouping: { labeled: 0, incorrect: 0, rate: null }, unlabeled: 0, unlabeledMerges: [], queued: 0 },
    };
    const job = await prisma.job.create({
      data: {
        kind: "what_if",
        projectId: await aProject(),
        status: "done",
        createdBy: "matrix",
        cursor: { result, unlabeled: [] },
      },
    });
    return { params: { id: job.id } };
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
