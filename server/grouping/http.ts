import "server-only";
import { endpoints } from "@/lib/contracts/endpoints";
import { defineRoute } from "../http/route";
import { bulkCreateRecords, deleteGroupingByHash, deleteProjectGrouping, findSimilarIssues } from "./service";
import { groupingIndexStats } from "./stats";
import {
  bulkCreateResponseOf,
  bulkRecordsCallOf,
  mismatchedListsResponse,
  similarIssuesCallOf,
  similarIssuesResponseOf,
} from "./wire";

/**
 * The grouping API is served at the host's root (`/v0/…`, where Sentry calls it) and under `/api/v0/…`; both paths
 * export these same handlers (the table lists both paths of each endpoint). Bodies are Seer's snake_case wire format,
 * translated to the service's calls and back here (wire.ts), at the edge.
 */

export const similarIssuesHandler = defineRoute(endpoints.similarIssues, async ({ body }) =>
  similarIssuesResponseOf(await findSimilarIssues(similarIssuesCallOf(body))),
);

export const bulkCreateHandler = defineRoute(endpoints.bulkCreateRecords, async ({ body }) => {
  const call = bulkRecordsCallOf(body);
  return call ? bulkCreateResponseOf(await bulkCreateRecords(call)) : mismatchedListsResponse();
});

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
