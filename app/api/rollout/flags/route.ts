import { setFlagsHandler } from "@/server/rollout/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const POST = setFlagsHandler;
