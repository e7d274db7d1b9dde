import { listAuditHandler } from "@/server/audit/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = listAuditHandler;
