import { useQuery } from "@tanstack/react-query";
import { endpoints } from "../contracts/endpoints";
import { EXPERTS, type MergesQuery, type ThresholdSource } from "../contracts/overgrouping";
import { api } from "./api";
import { queryString } from "./url";

export const overgroupingKeys = {
  all: ["overgrouping"] as const,
  dashboard: (labels: string) => [...overgroupingKeys.all, "dashboard", labels] as const,
  merges: (filters: MergesQuery) => [...overgroupingKeys.all, "merges", filters] as const,
  threshold: (source: ThresholdSource) => [...overgroupingKeys.all, "threshold", source] as const,
};

/** The dashboard with its overgrouping rates from these labels ("experts", or a passing automated labeler's name). */
export function useOvergroupingDashboardQuery(labels: string = EXPERTS) {
  return useQuery({
    queryKey: overgroupingKeys.dashboard(labels),
    queryFn: ({ signal }) => api(endpoints.overgroupingDashboard, { query: { labels }, signal }),
  });
}

/** The query string of a drill-down to the labeled merges behind a rate (also the merges page's URL). */
export function mergesSearch({ labels, ...filters }: MergesQuery): string {
  return queryString(labels === undefined || labels === EXPERTS ? filters : { labels, ...filters });
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
