import "server-only";
import { endpoints } from "@/lib/contracts/endpoints";
import { defineRoute } from "../../http/route";
import { getIssueHashes } from "../issue-hashes";
import { mergeIssues } from "./merge";
import { unmergeIssue } from "./unmerge";

export const issueHashesHandler = defineRoute(endpoints.issueHashes, ({ params }) => getIssueHashes(params.id));

export const mergeIssuesHandler = defineRoute(endpoints.mergeIssues, ({ user, body }) => mergeIssues(user, body));

export const unmergeIssueHandler = defineRoute(endpoints.unmergeIssue, ({ user, body }) => unmergeIssue(user, body));
