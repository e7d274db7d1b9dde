import "server-only";
import { endpoints } from "@/lib/contracts/endpoints";
import { defineRoute } from "../http/route";
import { projectView } from "../projects/http";
import { getIssueDetail } from "./issue-detail";
import { getProjectIssues } from "./project-issues";

export const projectIssuesHandler = defineRoute(endpoints.projectIssues, ({ request, user, params }) =>
  getProjectIssues(params.id, projectView(request, user)),
);

export const issueDetailHandler = defineRoute(endpoints.issueDetail, ({ params }) => getIssueDetail(params.id));
