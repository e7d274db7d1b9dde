import "server-only";
import { z } from "zod";
import {
  applyCohortRequestSchema,
  cohortPreviewRequestSchema,
  createBackfillRequestSchema,
  jobListQuerySchema,
  revertRequestSchema,
  setFlagsRequestSchema,
  updateGuardrailsRequestSchema,
  type ApplyCohortResponse,
  type CohortPreviewResponse,
  type RevertResponse,
} from "@/lib/contracts/rollout";
import { defineRoute } from "../http/route";
import { resolveCohort } from "./cohorts";
import { applyCohort, createBackfill } from "./cohort-service";
import { revertAuditEntry, setFlags } from "./flag-service";
import { auditBackfillRequested, auditJobCancelled } from "./job-audit";
import { cancelJob, listJobs } from "./jobs";
import { rolloutOverview, rolloutProjectDetail } from "./overview";
import { cancelScheduledChange, listScheduledChanges } from "./scheduled";
import { getGuardrailSettings, updateGuardrailSettings } from "./settings";

const idParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

/** GET /api/rollout: every project's flags, migration and guardrails. */
export const rolloutOverviewHandler = defineRoute({ access: "viewer" }, () => rolloutOverview());

/** GET /api/rollout/projects/[id]: one project's row and its fallback rate by day. */
export const rolloutProjectHandler = defineRoute({ access: "viewer", params: idParams }, ({ params }) =>
  rolloutProjectDetail(params.id),
);

/** POST /api/rollout/flags: sets flags of projects, audited, with a required reason. */
export const setFlagsHandler = defineRoute({ access: "admin", body: setFlagsRequestSchema }, ({ user, body }) =>
  setFlags(user!, body),
);

/** POST /api/audit/[id]/revert: re-applies the `before` of a flag audit entry. */
export const revertAuditHandler = defineRoute(
  { access: "admin", params: idParams, body: revertRequestSchema },
  ({ user, params, body }): Promise<RevertResponse> => revertAuditEntry(user!, params.id, body.reason),
);

/** POST /api/rollout/cohorts/preview: the projects a cohort selects. */
export const previewCohortHandler = defineRoute(
  { access: "admin", body: cohortPreviewRequestSchema },
  async ({ body }): Promise<CohortPreviewResponse> => ({ projects: await resolveCohort(body.cohort) }),
);

/** POST /api/rollout/cohorts: applies a change to a cohort now, or schedules it (runAt in the future). */
export const applyCohortHandler = defineRoute(
  { access: "admin", body: applyCohortRequestSchema },
  ({ user, body }): Promise<ApplyCohortResponse> => applyCohort(user!, body),
);

/** GET /api/rollout/scheduled: pending changes first, then recent ones. */
export const listScheduledHandler = defineRoute({ access: "viewer" }, async () => ({
  changes: await listScheduledChanges(),
}));

/** POST /api/rollout/scheduled/[id]/cancel */
export const cancelScheduledHandler = defineRoute({ access: "admin", params: idParams }, async ({ user, params }) => ({
  change: await cancelScheduledChange(user!, params.id),
}));

/** GET /api/rollout/jobs[?ids=1,2]: backfill jobs with their progress. */
export const listJobsHandler = defineRoute({ access: "viewer", query: jobListQuerySchema }, async ({ query }) => ({
  jobs: await listJobs(query.ids),
}));

/** POST /api/rollout/jobs: queues the v2 backfill of a project or a cohort (one job per project); audited. */
export const createJobsHandler = defineRoute(
  { access: "admin", body: createBackfillRequestSchema },
  async ({ user, body }) => {
    const jobs = await createBackfill(user!, body);
    await auditBackfillRequested(user!, jobs);
    return { jobs };
  },
);

/** POST /api/rollout/jobs/[id]/cancel: audited. */
export const cancelJobHandler = defineRoute({ access: "admin", params: idParams }, async ({ user, params }) => {
  const job = await cancelJob(params.id);
  await auditJobCancelled(user!, job);
  return { job };
});

/** GET /api/rollout/guardrails */
export const getGuardrailsHandler = defineRoute({ access: "viewer" }, async () => ({
  settings: await getGuardrailSettings(),
}));

/** PUT /api/rollout/guardrails: audited. */
export const updateGuardrailsHandler = defineRoute(
  { access: "admin", body: updateGuardrailsRequestSchema },
  async ({ user, body }) => ({
    settings: await updateGuardrailSettings(user!, body.settings, body.reason),
  }),
);
