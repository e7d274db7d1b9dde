import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { endpoints } from "../contracts/endpoints";
import type { MergeIssuesRequest, UnmergeIssueRequest } from "../contracts/issue-merge";
import { api } from "./api";
import { auditKeys } from "./audit";
import { issueKeys } from "./issues";
import { overgroupingKeys } from "./overgrouping";
import { projectKeys } from "./projects";
import { reviewKeys } from "./review";
import { useInvalidatingMutation } from "./invalidate";

/** How many issues the merge dialog offers for a search. */
export const MERGE_CANDIDATES = 20;

export const issueMergeKeys = {
  hashes: (issueId: number) => [...issueKeys.all, "hashes", issueId] as const,
  candidates: (projectId: number, q: string) => [...issueKeys.ofProject(projectId), "merge-candidates", q] as const,
};

/** An issue's hashes with a sample event each and how each came in. */
export function useIssueHashesQuery(issueId: number) {
  return useQuery({
    queryKey: issueMergeKeys.hashes(issueId),
    queryFn: ({ signal }) => api(endpoints.issueHashes, { params: { id: issueId }, signal }),
  });
}

/** The project's issues a search finds (title, culprit, exception type), most recently seen first, to merge. */
export function useMergeCandidatesQuery(projectId: number, q: string) {
  return useQuery({
    queryKey: issueMergeKeys.candidates(projectId, q),
    queryFn: ({ signal }) =>
      api(endpoints.projectIssues, {
        params: { id: projectId },
        query: { q: q.trim() || undefined, limit: MERGE_CANDIDATES },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** What a merge or unmerge changes: issues (and their hashes), projects' counts, labels, rates and the audit log. */
const staleAfterRegrouping = [issueKeys.all, projectKeys.all, reviewKeys.all, overgroupingKeys.all, auditKeys.all];

export function useMergeIssuesMutation() {
  return useInvalidatingMutation(staleAfterRegrouping, (request: MergeIssuesRequest) =>
    api(endpoints.mergeIssues, { body: request }),
  );
}

export function useUnmergeIssueMutation() {
  return useInvalidatingMutation(staleAfterRegrouping, (request: UnmergeIssueRequest) =>
    api(endpoints.unmergeIssue, { body: request }),
  );
}
