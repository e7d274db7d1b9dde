import { useQuery } from "@tanstack/react-query";
import { endpoints } from "../contracts/endpoints";
import { api } from "./api";

/** How often the issue list of a project without issues asks again. */
const EMPTY_PROJECT_POLL_MS = 2_000;

export const issueKeys = {
  all: ["issues"] as const,
  ofProject: (projectId: number) => [...issueKeys.all, "project", projectId] as const,
  detail: (issueId: number) => [...issueKeys.all, "detail", issueId] as const,
};

/** A project's issues; while it has none, asked again every few seconds, so that the first one shows up by itself. */
export function useProjectIssuesQuery(projectId: number) {
  return useQuery({
    queryKey: issueKeys.ofProject(projectId),
    queryFn: ({ signal }) => api(endpoints.projectIssues, { params: { id: projectId }, signal }),
    refetchInterval: (query) => (query.state.data?.issues.length === 0 ? EMPTY_PROJECT_POLL_MS : false),
  });
}

export function useIssueQuery(issueId: number) {
  return useQuery({
    queryKey: issueKeys.detail(issueId),
    queryFn: ({ signal }) => api(endpoints.issueDetail, { params: { id: issueId }, signal }),
  });
}
