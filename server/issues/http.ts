import "server-only";
import { endpoints } from "@/lib/contracts/endpoints";
import { defineRoute } from "../http/route";
import { getIssueDetail } from "./issue-detail";
import { listProjectIssues } from "./issue-stream";

export const projectIssuesHandler = defineRoute(endpoints.projectIssues, ({ params, query }) =>
  listProjectIssues(params.id, query),
);

export const issueDetailHandler = defineRoute(endpoints.issueDetail, ({ params }) => getIssueDetail(params.id));
