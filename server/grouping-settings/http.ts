import "server-only";
import { endpoints } from "@/lib/contracts/endpoints";
import { defineRoute } from "../http/route";
import { previewGroupingSettings } from "./preview";
import { getGroupingSettings, updateGroupingSettings } from "./service";
import { validateGroupingRules } from "./validation";

export const getGroupingSettingsHandler = defineRoute(endpoints.getGroupingSettings, async ({ params }) =>
  getGroupingSettings(params.id),
);

export const updateGroupingSettingsHandler = defineRoute(
  endpoints.updateGroupingSettings,
  async ({ user, params, body }) => updateGroupingSettings(user, params.id, body),
);

export const validateGroupingRulesHandler = defineRoute(endpoints.validateGroupingRules, async ({ body }) =>
  validateGroupingRules(body),
);

export const previewGroupingSettingsHandler = defineRoute(endpoints.previewGroupingSettings, async ({ params, body }) =>
  previewGroupingSettings(params.id, body),
);
