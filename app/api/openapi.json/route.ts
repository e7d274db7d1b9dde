import { openApiHandler } from "@/server/openapi/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = openApiHandler;
