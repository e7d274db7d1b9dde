import "server-only";
import { endpoints } from "@/lib/contracts/endpoints";
import { defineRoute } from "../http/route";
import { resolveCohort } from "./cohorts";
import { applyCohort, createBackfill } from "./cohort-service";
import { revertAuditEntry, setFlags } from "./flag-service";
import { auditBackfillRequested, auditJobCancelled } from "./job-audit";
import { cancelJob, listJobs } from "./jobs";
import { rolloutOverview, rolloutProjectDetail } from "./overview";
import { cancelScheduledChange, listScheduledChanges } from "./scheduled";
import { getGuardrailSettings, updateGuardrailSettings } from "./settings";
import { createWhatIf, listWhatIfs, queueWhatIfMerges } from "./what-if";

export const rolloutOverviewHandler = defineRoute(endpoints.rolloutOverview, () => rolloutOverview());

export const rolloutProjectHandler = defineRoute(endpoints.rolloutProject, ({ params }) =>
  rolloutProjectDetail(params.id),
);

export const setFlagsHandler = defineRoute(endpoints.setFlags, ({ user, body }) => setFlags(user, body));

export const revertAuditHandler = defineRoute(endpoints.revertAudit, ({ user, params, body }) =>
  revertAuditEntry(user, params.id, body.reason),
);

export const previewCohortHandler = defineRoute(endpoints.previewCohort, async ({ body }) => ({
  projects: await resolveCohort(body.cohort),
}));

export const applyCohortHandler = defineRoute(endpoints.applyCohort, ({ user, body }) => applyCohort(user, body));

export const listScheduledHandler = defineRoute(endpoints.listScheduled, async () => ({
  changes: await listScheduledChanges(),
}));

export const cancelScheduledHandler = defineRoute(endpoints.cancelScheduled, async ({ user, params }) => ({
  change: await cancelScheduledChange(user, params.id),
}));

export const listJobsHandler = defineRoute(endpoints.listJobs, async ({ query }) => ({
  jobs: await listJobs(query.ids),
}));

export const createJobsHandler = defineRoute(endpoints.createJobs, async ({ user, body }) => {
  const jobs = await createBackfill(user, body);
  await auditBackfillRequested(user, jobs);
  return { jobs };
});

export const cancelJobHandler = defineRoute(endpoints.cancelJob, async ({ user, params }) => {
  const job = await cancelJob(params.id);
  await auditJobCancelled(user, job);
  return { job };
});

export const getGuardrailsHandler = defineRoute(endpoints.guardrails, async () => ({
  settings: await getGuardrailSettings(),
}));

export const updateGuardrailsHandler = defineRoute(endpoints.updateGuardrails, async ({ user, body }) => ({
  settings: await updateGuardrailSettings(user, body.settings, body.reason),
}));

export const whatIfListHandler = defineRoute(endpoints.whatIfReplays, ({ params }) => listWhatIfs(params.id));

export const createWhatIfHandler = defineRoute(endpoints.createWhatIf, async ({ user, params, body }) => ({
  replay: await createWhatIf(user, params.id, body),
}));

export const queueWhatIfHandler = defineRoute(endpoints.queueWhatIfMerges, ({ user, params }) =>
  queueWhatIfMerges(user, params.id),
);
