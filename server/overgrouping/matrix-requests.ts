import type { MatrixRequests } from "../testing/matrix";

/** Requests of the Overgrouping dashboards' drill-downs. */
export const requests: MatrixRequests = {
  labeledMerges: async () => ({ query: { model: "v2", verdict: "SEPARATE" } }),
  thresholdExplorer: async () => ({ query: { source: "merge_sample" } }),
};
