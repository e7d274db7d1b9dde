import "server-only";
import { endpoints } from "@/lib/contracts/endpoints";
import { createLabelJob, listLabelJobs } from "../labeling/label-job";
import { reply } from "../http/reply";
import { defineRoute } from "../http/route";
import { claimNextPair, skipPair } from "./claims";
import { exportLabels, formatLabels } from "./export";
import { listGuidelines, updateGuideline } from "./guidelines";
import { saveLabel, undoLastLabel } from "./labels";
import { getPairView } from "./pair-view";
import { refillReviewQueues } from "./refill";
import { createManualPair } from "./sources/manual";
import { labelerAgreement, labelerProgress, listConflicts, listPairs, queueSummary } from "./stats";

export const queueSummaryHandler = defineRoute(endpoints.queueSummary, ({ user, query }) => queueSummary(user, query));

export const nextPairHandler = defineRoute(endpoints.nextPair, async ({ user, body }) => {
  const { pairId, remaining } = await claimNextPair(user, body);
  return { pair: pairId === null ? null : await getPairView(user, pairId, { blind: body.blind }), remaining };
});

export const pairHandler = defineRoute(endpoints.pair, ({ user, params, query }) =>
  getPairView(user, params.id, { blind: query.blind === "1" }),
);

export const createPairHandler = defineRoute(endpoints.createPair, async ({ user, body }) => {
  const result = await createManualPair(user, body);
  return reply(result, { status: result.created ? 201 : 200 });
});

export const labelHandler = defineRoute(endpoints.labelPair, ({ user, params, body }) =>
  saveLabel(user, params.id, body),
);

export const skipHandler = defineRoute(endpoints.skipPair, async ({ user, params }) => {
  await skipPair(user, params.id);
  return { skipped: params.id };
});

export const undoHandler = defineRoute(endpoints.undoLabel, ({ user }) => undoLastLabel(user));

export const progressHandler = defineRoute(endpoints.reviewProgress, () => labelerProgress());
export const conflictsHandler = defineRoute(endpoints.reviewConflicts, () => listConflicts());
export const agreementHandler = defineRoute(endpoints.reviewAgreement, () => labelerAgreement());

export const labelJobsHandler = defineRoute(endpoints.labelJobs, () => listLabelJobs());

export const createLabelJobHandler = defineRoute(endpoints.createLabelJob, async ({ user, body }) => ({
  labelJob: await createLabelJob(user, body),
}));

export const refillHandler = defineRoute(endpoints.refillQueues, ({ user, body }) => refillReviewQueues(user, body));

export const exportHandler = defineRoute(endpoints.exportLabels, async ({ query }) => {
  const body = formatLabels(await exportLabels(query), query.format);
  const type = query.format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
  return new Response(body, {
    headers: { "content-type": type, "content-disposition": `attachment; filename="labels.${query.format}"` },
  });
});

export const guidelinesHandler = defineRoute(endpoints.guidelines, async () => ({
  guidelines: await listGuidelines(),
}));

export const updateGuidelineHandler = defineRoute(endpoints.updateGuideline, async ({ user, params, body }) => ({
  guideline: await updateGuideline(user, params.platform, body.body),
}));

export const listPairsHandler = defineRoute(endpoints.listPairs, ({ query }) => listPairs(query));
