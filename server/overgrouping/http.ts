import "server-only";
import { endpoints } from "@/lib/contracts/endpoints";
import { defineRoute } from "../http/route";
import { getOvergroupingDashboard } from "./dashboard";
import { listLabeledMerges } from "./merges";
import { getThresholdExplorer } from "./threshold";

export const dashboardHandler = defineRoute(endpoints.overgroupingDashboard, ({ query }) =>
  getOvergroupingDashboard(query),
);

export const labeledMergesHandler = defineRoute(endpoints.labeledMerges, ({ query }) => listLabeledMerges(query));

export const thresholdHandler = defineRoute(endpoints.thresholdExplorer, ({ query }) =>
  getThresholdExplorer(query.source),
);
