import "server-only";
import { z } from "zod";
import { defineRoute } from "../http/route";
import { getIssueDetail } from "./issue-detail";
import { getProjectIssues } from "./project-issues";

const id = z.coerce.number().int().positive().max(2_147_483_647);

/** The origin SDKs reach this console at, for the DSN (behind a proxy, the forwarded host). */
function publicOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "");
  return `${proto}://${host}`;
}

export const projectIssuesHandler = defineRoute({ access: "viewer", params: z.object({ id }) }, ({ request, params }) =>
  getProjectIssues(params.id, publicOrigin(request)),
);

export const issueDetailHandler = defineRoute({ access: "viewer", params: z.object({ id }) }, ({ params }) =>
  getIssueDetail(params.id),
);
