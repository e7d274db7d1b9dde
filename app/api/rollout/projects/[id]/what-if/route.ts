import { createWhatIfHandler, whatIfListHandler } from "@/server/rollout/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = whatIfListHandler;
export const POST = createWhatIfHandler;
