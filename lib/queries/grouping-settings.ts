import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "../contracts/endpoints";
import type { GroupingRules, GroupingSettingsRequest } from "../contracts/grouping-settings";
import { api } from "./api";
import { auditKeys } from "./audit";

export const groupingSettingsKeys = {
  all: ["grouping-settings"] as const,
  detail: (projectId: number) => [...groupingSettingsKeys.all, "detail", projectId] as const,
  validation: (projectId: number, rules: GroupingRules) =>
    [...groupingSettingsKeys.all, "validation", projectId, rules] as const,
  preview: (projectId: number, candidate: GroupingSettingsRequest) =>
    [...groupingSettingsKeys.all, "preview", projectId, candidate] as const,
};

/** A project's saved grouping settings, with the limits and the calibrated thresholds. */
export function useGroupingSettingsQuery(projectId: number) {
  return useQuery({
    queryKey: groupingSettingsKeys.detail(projectId),
    queryFn: ({ signal }) => api(endpoints.getGroupingSettings, { params: { id: projectId }, signal }),
  });
}

/** The first problem of each rules text, for the texts given (the caller debounces them). */
export function useGroupingRulesValidationQuery(projectId: number, rules: GroupingRules, enabled: boolean) {
  return useQuery({
    queryKey: groupingSettingsKeys.validation(projectId, rules),
    queryFn: ({ signal }) => api(endpoints.validateGroupingRules, { params: { id: projectId }, body: rules, signal }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

/** What candidate settings would do to the project's recent events; the previous answer stays while the next loads. */
export function useGroupingPreviewQuery(projectId: number, candidate: GroupingSettingsRequest, enabled: boolean) {
  return useQuery({
    queryKey: groupingSettingsKeys.preview(projectId, candidate),
    queryFn: ({ signal }) =>
      api(endpoints.previewGroupingSettings, { params: { id: projectId }, body: candidate, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useUpdateGroupingSettingsMutation(projectId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: GroupingSettingsRequest) =>
      api(endpoints.updateGroupingSettings, { params: { id: projectId }, body: settings }),
    onSuccess: (saved) => {
      queryClient.setQueryData(groupingSettingsKeys.detail(projectId), saved);
      // Previews compare with the saved settings, which just changed.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: [...groupingSettingsKeys.all, "preview", projectId] }),
        queryClient.invalidateQueries({ queryKey: auditKeys.all }),
      ]);
    },
  });
}
