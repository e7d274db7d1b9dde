import type { MatrixEntry } from "../testing/matrix";

/** Authorization matrix entries of the Overgrouping dashboards (read-only, for every signed-in role). */
export const entries: Record<string, MatrixEntry> = {
  "GET /api/overgrouping": { access: "viewer" },
  "GET /api/overgrouping/merges": { access: "viewer", request: async () => ({ query: "?model=v2&verdict=SEPARATE" }) },
  "GET /api/overgrouping/threshold": { access: "viewer", request: async () => ({ query: "?source=merge_sample" }) },
};
