import "server-only";
import { z } from "zod";
import {
  exportQuerySchema,
  guidelineUpdateSchema,
  labelRequestSchema,
  manualPairRequestSchema,
  nextPairRequestSchema,
  platformParamSchema,
  queueFilterSchema,
  refillRequestSchema,
} from "@/lib/contracts/review";
import { defineRoute } from "../http/route";
import { claimNextPair, skipPair } from "./claims";
import { exportLabels, formatLabels } from "./export";
import { listGuidelines, updateGuideline } from "./guidelines";
import { saveLabel, undoLastLabel } from "./labels";
import { getPairView } from "./pair-view";
import { refillReviewQueues } from "./refill";
import { createManualPair } from "./sources/manual";
import { labelerAgreement, labelerProgress, listConflicts, listPairs, queueSummary } from "./stats";

const pairParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export const queueSummaryHandler = defineRoute({ access: "viewer", query: queueFilterSchema }, ({ user, query }) =>
  queueSummary(user!, query),
);

export const nextPairHandler = defineRoute(
  { access: "labeler", body: nextPairRequestSchema },
  async ({ user, body }) => {
    const { pairId, remaining } = await claimNextPair(user!, body);
    return { pair: pairId === null ? null : await getPairView(user!, pairId, { blind: body.blind }), remaining };
  },
);

export const pairHandler = defineRoute(
  { access: "viewer", params: pairParams, query: z.object({ blind: z.enum(["0", "1"]).optional() }) },
  ({ user, params, query }) => getPairView(user!, params.id, { blind: query.blind === "1" }),
);

export const createPairHandler = defineRoute(
  { access: "labeler", body: manualPairRequestSchema },
  async ({ user, body }) => {
    const result = await createManualPair(user!, body);
    return Response.json(result, { status: result.created ? 201 : 200 });
  },
);

export const labelHandler = defineRoute(
  { access: "labeler", params: pairParams, body: labelRequestSchema },
  ({ user, params, body }) => saveLabel(user!, params.id, body),
);

export const skipHandler = defineRoute({ access: "labeler", params: pairParams }, async ({ user, params }) => {
  await skipPair(user!, params.id);
  return { skipped: params.id };
});

export const undoHandler = defineRoute({ access: "labeler" }, ({ user }) => undoLastLabel(user!));

export const progressHandler = defineRoute({ access: "viewer" }, () => labelerProgress());
export const conflictsHandler = defineRoute({ access: "viewer" }, () => listConflicts());
export const agreementHandler = defineRoute({ access: "viewer" }, () => labelerAgreement());

export const refillHandler = defineRoute({ access: "admin", body: refillRequestSchema }, ({ user, body }) =>
  refillReviewQueues(user!, body),
);

export const exportHandler = defineRoute({ access: "viewer", query: exportQuerySchema }, async ({ query }) => {
  const body = formatLabels(await exportLabels(query), query.format);
  const type = query.format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
  return new Response(body, {
    headers: { "content-type": type, "content-disposition": `attachment; filename="labels.${query.format}"` },
  });
});

export const guidelinesHandler = defineRoute({ access: "viewer" }, async () => ({
  guidelines: await listGuidelines(),
}));

export const updateGuidelineHandler = defineRoute(
  { access: "admin", params: platformParamSchema, body: guidelineUpdateSchema },
  async ({ user, params, body }) => ({
    guideline: await updateGuideline(user!, params.platform, body.body),
  }),
);

export const listPairsHandler = defineRoute({ access: "viewer", query: queueFilterSchema }, ({ query }) =>
  listPairs(query),
);
