import { listJobsHandler, createJobsHandler } from "@/server/rollout/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = listJobsHandler;
export const POST = createJobsHandler;
