import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "../contracts/endpoints";
import type { MergeIssuesRequest, UnmergeIssueRequest } from "../contracts/issue-merge";
import { api } from "./api";
import { auditKeys } from "./audit";
import { issueKeys } from "./issues";
import { overgroupingKeys } from "./overgrouping";
import { projectKeys } from "./projects";
import { reviewKeys } from "./review";

export const issueHashKeys = {
  all: [...issueKeys.all, "hashes"] as const,
  ofIssue: (issueId: number) => [...issueHashKeys.all, issueId] as const,
};

/** An issue's hashes with a sample event each and how each came in. */
export function useIssueHashesQuery(issueId: number) {
  return useQuery({
    queryKey: issueHashKeys.ofIssue(issueId),
    queryFn: ({ signal }) => api(endpoints.issueHashes, { params: { id: issueId }, signal }),
  });
}

/** What a merge or unmerge changes: issues (and their hashes), projects' counts, labels, rates and the audit log. */
function useInvalidateAfterRegrouping() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [issueKeys.all, projectKeys.all, reviewKeys.all, overgroupingKeys.all, auditKeys.all].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
}

export function useMergeIssuesMutation() {
  const invalidate = useInvalidateAfterRegrouping();
  return useMutation({
    mutationFn: (request: MergeIssuesRequest) => api(endpoints.mergeIssues, { body: request }),
    onSuccess: invalidate,
  });
}

export function useUnmergeIssueMutation() {
  const invalidate = useInvalidateAfterRegrouping();
  return useMutation({
    mutationFn: (request: UnmergeIssueRequest) => api(endpoints.unmergeIssue, { body: request }),
    onSuccess: invalidate,
  });
}
