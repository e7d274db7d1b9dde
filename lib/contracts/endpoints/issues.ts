import { endpoint } from "../endpoint";
import {
  issueHashesResponseSchema,
  mergeIssuesRequestSchema,
  mergeIssuesResponseSchema,
  unmergeIssueRequestSchema,
  unmergeIssueResponseSchema,
} from "../issue-merge";
import { idParamsSchema } from "./params";

/**
 * Fixing grouping by hand: merging issues and unmerging hashes. Labelers may do it, as they may label: each merge and
 * unmerge is recorded as their GROUP or SEPARATE label.
 */
export const issueEndpoints = {
  issueHashes: endpoint({
    method: "GET",
    path: "/api/issues/[id]/hashes",
    summary: "An issue's hashes, each with a sample event and how it came in (new, fingerprint, AI merge).",
    tag: "issues",
    access: "viewer",
    params: idParamsSchema,
    response: issueHashesResponseSchema,
  }),
  mergeIssues: endpoint({
    method: "POST",
    path: "/api/issues/merge",
    summary:
      "Merges issues of one project into one of them (hashes and events move; the others' ids lead to it); audited, " +
      "and recorded as the user's GROUP labels.",
    tag: "issues",
    access: "labeler",
    body: mergeIssuesRequestSchema,
    response: mergeIssuesResponseSchema,
  }),
  unmergeIssue: endpoint({
    method: "POST",
    path: "/api/issues/unmerge",
    summary:
      "Moves hashes of an issue (and their events) to a new issue; audited, recorded as the user's SEPARATE labels, " +
      "and an unmerged AI merge counts as a known overgrouping.",
    tag: "issues",
    access: "labeler",
    body: unmergeIssueRequestSchema,
    response: unmergeIssueResponseSchema,
    status: 201,
  }),
};
