import type { MatrixEntry } from "../testing/matrix";

/**
 * Authorization matrix entries of the Seer-compatible grouping API: signed machine-to-machine calls, served at the
 * host's root (where Sentry calls it) and under /api; the deletes also take unsigned calls from trusted networks.
 */
function groupingEntries(prefix: string): Record<string, MatrixEntry> {
  return {
    [`POST ${prefix}/v0/issues/similar-issues`]: {
      access: "signed",
      request: async ({ unique }) => ({ body: { project_id: 1, hash: `h${unique()}`, stacktrace: "ValueError: x" } }),
    },
    [`POST ${prefix}/v0/issues/similar-issues/grouping-record`]: {
      access: "signed",
      request: async ({ unique }) => ({
        body: { data: [{ group_id: 1, hash: `b${unique()}`, project_id: 1 }], stacktrace_list: ["KeyError: y"] },
      }),
    },
    [`GET ${prefix}/v0/issues/similar-issues/grouping-record/delete/[project_id]`]: {
      access: "signed-or-trusted-network",
      request: async () => ({ params: { project_id: "1" } }),
    },
    [`POST ${prefix}/v0/issues/similar-issues/grouping-record/delete-by-hash`]: {
      access: "signed-or-trusted-network",
      request: async () => ({ body: { project_id: 1, hash_list: ["h1"] } }),
    },
  };
}

export const entries: Record<string, MatrixEntry> = {
  ...groupingEntries(""),
  ...groupingEntries("/api"),
  "POST /api/v0/issues/similar-issues/grouping-record/stats": { access: "signed", request: async () => ({ body: {} }) },
};
