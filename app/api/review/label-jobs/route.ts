import { createLabelJobHandler, labelJobsHandler } from "@/server/review/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = labelJobsHandler;
export const POST = createLabelJobHandler;
