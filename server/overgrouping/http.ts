import "server-only";
import { mergesQuerySchema, thresholdQuerySchema } from "@/lib/contracts/overgrouping";
import { defineRoute } from "../http/route";
import { getOvergroupingDashboard } from "./dashboard";
import { listLabeledMerges } from "./merges";
import { getThresholdExplorer } from "./threshold";

export const dashboardHandler = defineRoute({ access: "viewer" }, () => getOvergroupingDashboard());

export const labeledMergesHandler = defineRoute({ access: "viewer", query: mergesQuerySchema }, ({ query }) =>
  listLabeledMerges(query),
);

export const thresholdHandler = defineRoute({ access: "viewer", query: thresholdQuerySchema }, ({ query }) =>
  getThresholdExplorer(query.source),
);
