import { thresholdHandler } from "@/server/overgrouping/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = thresholdHandler;
