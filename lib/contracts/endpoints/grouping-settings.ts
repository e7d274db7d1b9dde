import { endpoint } from "../endpoint";
import {
  groupingPreviewResponseSchema,
  groupingRulesSchema,
  groupingSettingsRequestSchema,
  groupingSettingsResponseSchema,
  validateGroupingRulesResponseSchema,
} from "../grouping-settings";
import { idParamsSchema } from "./params";

/** A project's grouping settings: fingerprint rules, stack trace rules, an AI threshold override, and their preview. */
export const groupingSettingsEndpoints = {
  getGroupingSettings: endpoint({
    method: "GET",
    path: "/api/projects/[id]/grouping",
    summary: "A project's fingerprint rules, stack trace rules and AI threshold override, with their limits.",
    tag: "projects",
    access: "viewer",
    params: idParamsSchema,
    response: groupingSettingsResponseSchema,
  }),
  updateGroupingSettings: endpoint({
    method: "PUT",
    path: "/api/projects/[id]/grouping",
    summary:
      "Saves a project's grouping settings; the next event is grouped by them. A rule that cannot be read is refused " +
      "(400, naming its line and column) and nothing is stored. Audited with before and after.",
    tag: "projects",
    access: "admin",
    params: idParamsSchema,
    body: groupingSettingsRequestSchema,
    response: groupingSettingsResponseSchema,
  }),
  validateGroupingRules: endpoint({
    method: "POST",
    path: "/api/projects/[id]/grouping/validate",
    summary: "Checks rules as they are typed: the line, column and reason of the first problem of each text.",
    tag: "projects",
    access: "admin",
    params: idParamsSchema,
    body: groupingRulesSchema,
    response: validateGroupingRulesResponseSchema,
  }),
  previewGroupingSettings: endpoint({
    method: "POST",
    path: "/api/projects/[id]/grouping/preview",
    summary:
      "What candidate settings would do to the project's recent events: events that change issue, issues that " +
      "split or merge, a sample event's component tree and embedding text, and AI decisions a threshold would flip.",
    tag: "projects",
    access: "admin",
    params: idParamsSchema,
    body: groupingSettingsRequestSchema,
    response: groupingPreviewResponseSchema,
  }),
};
