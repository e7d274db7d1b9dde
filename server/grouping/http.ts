import "server-only";
import { endpoints } from "@/lib/contracts/endpoints";
import { defineRoute } from "../http/route";
import { bulkCreateRecords, deleteGroupingByHash, deleteProjectGrouping, findSimilarIssues } from "./service";
import { groupingIndexStats } from "./stats";

/**
 * The grouping API is served at the host's root (`/v0/…`, where Sentry calls it) and under `/api/v0/…`; both paths
 * export these same handlers (the table lists both paths of each endpoint).
 */

export const similarIssuesHandler = defineRoute(endpoints.similarIssues, ({ body }) => findSimilarIssues(body));

export const bulkCreateHandler = defineRoute(endpoints.bulkCreateRecords, ({ body }) => bulkCreateRecords(body));

export const deleteProjectHandler = defineRoute(endpoints.deleteProjectRecords, async ({ params }) => {
  await deleteProjectGrouping(params.project_id);
  return { success: true };
});

export const deleteByHashHandler = defineRoute(endpoints.deleteRecordsByHash, async ({ body }) => {
  await deleteGroupingByHash(body.project_id, body.hash_list);
  return { success: true };
});

export const groupingStatsHandler = defineRoute(endpoints.groupingStats, ({ body }) =>
  groupingIndexStats(body.project_ids),
);
