import { useQuery } from "@tanstack/react-query";
import { endpoints } from "../contracts/endpoints";
import type { MergesQuery, ThresholdSource } from "../contracts/overgrouping";
import { api } from "./api";
import { queryString } from "./url";

export const overgroupingKeys = {
  all: ["overgrouping"] as const,
  dashboard: () => [...overgroupingKeys.all, "dashboard"] as const,
  merges: (filters: MergesQuery) => [...overgroupingKeys.all, "merges", filters] as const,
  threshold: (source: ThresholdSource) => [...overgroupingKeys.all, "threshold", source] as const,
};

export function useOvergroupingDashboardQuery() {
  return useQuery({
    queryKey: overgroupingKeys.dashboard(),
    queryFn: ({ signal }) => api(endpoints.overgroupingDashboard, { signal }),
  });
}

/** The query string of a drill-down to the labeled merges behind a rate (also the merges page's URL). */
export function mergesSearch(filters: MergesQuery): string {
  return queryString(filters);
}

export function useLabeledMergesQuery(filters: MergesQuery) {
  return useQuery({
    queryKey: overgroupingKeys.merges(filters),
    queryFn: ({ signal }) => api(endpoints.labeledMerges, { query: filters, signal }),
  });
}

export function useThresholdExplorerQuery(source: ThresholdSource) {
  return useQuery({
    queryKey: overgroupingKeys.threshold(source),
    queryFn: ({ signal }) => api(endpoints.thresholdExplorer, { query: { source }, signal }),
  });
}
