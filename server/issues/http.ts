import "server-only";
import { endpoints } from "@/lib/contracts/endpoints";
import { defineRoute } from "../http/route";
import { getIssueDetail } from "./issue-detail";
import { getProjectIssues } from "./project-issues";

/** The origin SDKs reach this console at, for the DSN (behind a proxy, the forwarded host). */
function publicOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "");
  return `${proto}://${host}`;
}

export const projectIssuesHandler = defineRoute(endpoints.projectIssues, ({ request, params }) =>
  getProjectIssues(params.id, publicOrigin(request)),
);

export const issueDetailHandler = defineRoute(endpoints.issueDetail, ({ params }) => getIssueDetail(params.id));
