import type { MatrixEntry } from "../testing/matrix";

/** Authorization matrix entries of the Seer-compatible grouping API (signed machine-to-machine calls). */
export const entries: Record<string, MatrixEntry> = {
  "POST /api/v0/issues/similar-issues": {
    access: "signed",
    request: async ({ unique }) => ({ body: { project_id: 1, hash: `h${unique()}`, stacktrace: "ValueError: x" } }),
  },
  "POST /api/v0/issues/similar-issues/grouping-record": {
    access: "signed",
    request: async ({ unique }) => ({
      body: { data: [{ group_id: 1, hash: `b${unique()}`, project_id: 1 }], stacktrace_list: ["KeyError: y"] },
    }),
  },
  "GET /api/v0/issues/similar-issues/grouping-record/delete/[project_id]": {
    access: "signed",
    request: async () => ({ params: { project_id: "1" } }),
  },
  "POST /api/v0/issues/similar-issues/grouping-record/delete-by-hash": {
    access: "signed",
    request: async () => ({ body: { project_id: 1, hash_list: ["h1"] } }),
  },
  "POST /api/v0/issues/similar-issues/grouping-record/stats": { access: "signed", request: async () => ({ body: {} }) },
};
