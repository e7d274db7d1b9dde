import type { MatrixRequests } from "../testing/matrix";

const rules = { fingerprintRules: "error.type:MatrixError -> matrix", stackTraceRules: "module:matrix.* -app" };

/** Requests of a project's grouping settings that succeed for an admin. */
export const requests: MatrixRequests = {
  getGroupingSettings: async ({ aProject }) => ({ params: { id: await aProject() } }),
  updateGroupingSettings: async ({ aProject }) => ({
    params: { id: await aProject() },
    body: { ...rules, aiThresholdOverride: null },
  }),
  validateGroupingRules: async ({ aProject }) => ({ params: { id: await aProject() }, body: rules }),
  previewGroupingSettings: async ({ aProject }) => ({
    params: { id: await aProject() },
    body: { ...rules, aiThresholdOverride: 0.02 },
  }),
};
