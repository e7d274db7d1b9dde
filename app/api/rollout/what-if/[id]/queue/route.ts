import { queueWhatIfHandler } from "@/server/rollout/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const POST = queueWhatIfHandler;
