import { projectIssuesHandler } from "@/server/issues/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = projectIssuesHandler;
