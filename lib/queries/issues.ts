import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { endpoints } from "../contracts/endpoints";
import type { IssueStreamResponse } from "../contracts/issues";
import { isFiltered, issueStreamQuery, type IssueStreamView } from "../issues/stream-view";
import { api } from "./api";

/** Issues on a page of the project page's stream. */
export const ISSUE_PAGE_SIZE = 50;
/** How often the stream asks again while the project has no issue at all (waiting for the first event). */
const EMPTY_PROJECT_POLL_MS = 2_000;
/** How often the first page asks again, while the tab is visible, so that new issues come in by themselves. */
const FIRST_PAGE_POLL_MS = 3_000;

export const issueKeys = {
  all: ["issues"] as const,
  ofProject: (projectId: number) => [...issueKeys.all, "project", projectId] as const,
  stream: (projectId: number, view: IssueStreamView) => [...issueKeys.ofProject(projectId), "stream", view] as const,
  detail: (issueId: number) => [...issueKeys.all, "detail", issueId] as const,
};

/**
 * When the stream asks again: the first page every few seconds while the tab is visible (TanStack Query pauses
 * intervals in a hidden tab), sooner while the project waits for its first issue; a later page stays as it was read,
 * so that its rows do not move under the reader.
 */
function refetchInterval(view: IssueStreamView, data: IssueStreamResponse | undefined): number | false {
  if (view.cursor) return false;
  return data?.total.count === 0 && !isFiltered(view) ? EMPTY_PROJECT_POLL_MS : FIRST_PAGE_POLL_MS;
}

/** A page of a project's issues as the view says (search, filters, sort, cursor); the last page shows meanwhile. */
export function useIssueStreamQuery(projectId: number, view: IssueStreamView) {
  return useQuery({
    queryKey: issueKeys.stream(projectId, view),
    queryFn: ({ signal }) =>
      api(endpoints.projectIssues, {
        params: { id: projectId },
        query: issueStreamQuery(view, ISSUE_PAGE_SIZE),
        signal,
      }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => refetchInterval(view, query.state.data),
  });
}

export function useIssueQuery(issueId: number) {
  return useQuery({
    queryKey: issueKeys.detail(issueId),
    queryFn: ({ signal }) => api(endpoints.issueDetail, { params: { id: issueId }, signal }),
  });
}
