import { useQuery } from "@tanstack/react-query";
import { issueDetailResponseSchema, projectIssuesResponseSchema } from "../contracts/issues";
import { fetchJson } from "./fetch-json";

export const issueKeys = {
  all: ["issues"] as const,
  ofProject: (projectId: number) => [...issueKeys.all, "project", projectId] as const,
  detail: (issueId: number) => [...issueKeys.all, "detail", issueId] as const,
};

export function useProjectIssuesQuery(projectId: number) {
  return useQuery({
    queryKey: issueKeys.ofProject(projectId),
    queryFn: () => fetchJson(`/api/projects/${projectId}/issues`, projectIssuesResponseSchema),
  });
}

export function useIssueQuery(issueId: number) {
  return useQuery({
    queryKey: issueKeys.detail(issueId),
    queryFn: () => fetchJson(`/api/issues/${issueId}`, issueDetailResponseSchema),
  });
}
