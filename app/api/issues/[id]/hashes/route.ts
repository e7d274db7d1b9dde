import { issueHashesHandler } from "@/server/issues/merge/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = issueHashesHandler;
