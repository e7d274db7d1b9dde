import { useQuery } from "@tanstack/react-query";
import { endpoints } from "../contracts/endpoints";
import { api } from "./api";

export const issueKeys = {
  all: ["issues"] as const,
  ofProject: (projectId: number) => [...issueKeys.all, "project", projectId] as const,
  detail: (issueId: number) => [...issueKeys.all, "detail", issueId] as const,
};

export function useProjectIssuesQuery(projectId: number) {
  return useQuery({
    queryKey: issueKeys.ofProject(projectId),
    queryFn: ({ signal }) => api(endpoints.projectIssues, { params: { id: projectId }, signal }),
  });
}

export function useIssueQuery(issueId: number) {
  return useQuery({
    queryKey: issueKeys.detail(issueId),
    queryFn: ({ signal }) => api(endpoints.issueDetail, { params: { id: issueId }, signal }),
  });
}
