import { changeModelStatusHandler } from "@/server/models/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const POST = changeModelStatusHandler;
