import type { MatrixEntry } from "../testing/matrix";

/** Authorization matrix entries of the Models page's API. */
export const entries: Record<string, MatrixEntry> = {
  "GET /api/models": { access: "viewer" },
};
