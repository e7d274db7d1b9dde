import type { MatrixRequests } from "../testing/matrix";

/** Requests of the Seer-compatible grouping API and of inference (both paths of an endpoint share its request). */
export const requests: MatrixRequests = {
  similarIssues: async ({ unique }) => ({ body: { project_id: 1, hash: `h${unique()}`, stacktrace: "ValueError: x" } }),
  bulkCreateRecords: async ({ unique }) => ({
    body: { data: [{ group_id: 1, hash: `b${unique()}`, project_id: 1 }], stacktrace_list: ["KeyError: y"] },
  }),
  deleteProjectRecords: async () => ({ params: { project_id: 1 } }),
  deleteRecordsByHash: async () => ({ body: { project_id: 1, hash_list: ["h1"] } }),
  groupingStats: async () => ({ body: {} }),
  embed: async () => ({ body: { model: "v1", texts: ["ValueError: x"] } }),
};
