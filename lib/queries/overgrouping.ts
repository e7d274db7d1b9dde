import { useQuery } from "@tanstack/react-query";
import {
  dashboardResponseSchema,
  mergesResponseSchema,
  thresholdResponseSchema,
  type MergesQuery,
  type ThresholdSource,
} from "../contracts/overgrouping";
import { fetchJson } from "./fetch-json";

export const overgroupingKeys = {
  all: ["overgrouping"] as const,
  dashboard: () => [...overgroupingKeys.all, "dashboard"] as const,
  merges: (filters: MergesQuery) => [...overgroupingKeys.all, "merges", filters] as const,
  threshold: (source: ThresholdSource) => [...overgroupingKeys.all, "threshold", source] as const,
};

export function useOvergroupingDashboardQuery() {
  return useQuery({
    queryKey: overgroupingKeys.dashboard(),
    queryFn: () => fetchJson("/api/overgrouping", dashboardResponseSchema),
  });
}

/** The query string of a drill-down to the labeled merges behind a rate (also the merges page's URL). */
export function mergesSearch(filters: MergesQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters))
    if (value !== undefined && value !== null) params.set(key, String(value));
  return params.toString();
}

export function useLabeledMergesQuery(filters: MergesQuery) {
  return useQuery({
    queryKey: overgroupingKeys.merges(filters),
    queryFn: () => fetchJson(`/api/overgrouping/merges?${mergesSearch(filters)}`, mergesResponseSchema),
  });
}

export function useThresholdExplorerQuery(source: ThresholdSource) {
  return useQuery({
    queryKey: overgroupingKeys.threshold(source),
    queryFn: () => fetchJson(`/api/overgrouping/threshold?source=${source}`, thresholdResponseSchema),
  });
}
