import "server-only";
import { z } from "zod";
import {
  bulkCreateRequestSchema,
  deleteByHashRequestSchema,
  similarIssuesRequestSchema,
} from "@/lib/contracts/grouping";
import { defineRoute } from "../http/route";
import { bulkCreateRecords, deleteGroupingByHash, deleteProjectGrouping, findSimilarIssues } from "./service";
import { groupingIndexStats } from "./stats";

/**
 * The grouping API is served at the host's root (`/v0/…`, where Sentry calls it) and under `/api/v0/…`; both paths
 * export these same handlers. Sentry sends the two deletes unsigned, hence their "signed-or-trusted-network".
 */

/** POST /v0/issues/similar-issues */
export const similarIssuesHandler = defineRoute({ access: "signed", body: similarIssuesRequestSchema }, ({ body }) =>
  findSimilarIssues(body),
);

/** POST /v0/issues/similar-issues/grouping-record (bulk create, for backfill) */
export const bulkCreateHandler = defineRoute(
  { access: "signed", body: bulkCreateRequestSchema, maxBodyBytes: 8 * 1024 * 1024 },
  ({ body }) => bulkCreateRecords(body),
);

/** GET /v0/issues/similar-issues/grouping-record/delete/<project_id> */
export const deleteProjectHandler = defineRoute(
  {
    access: "signed-or-trusted-network",
    params: z.object({ project_id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
  },
  async ({ params }) => {
    await deleteProjectGrouping(params.project_id);
    return { success: true };
  },
);

/** POST /v0/issues/similar-issues/grouping-record/delete-by-hash */
export const deleteByHashHandler = defineRoute(
  { access: "signed-or-trusted-network", body: deleteByHashRequestSchema },
  async ({ body }) => {
    await deleteGroupingByHash(body.project_id, body.hash_list);
    return { success: true };
  },
);

/** POST /api/v0/issues/similar-issues/grouping-record/stats: the index's size (for load tests and operators). */
export const groupingStatsHandler = defineRoute(
  { access: "signed", body: z.object({ project_ids: z.array(z.number().int().positive()).max(10_000).optional() }) },
  ({ body }) => groupingIndexStats(body.project_ids),
);
