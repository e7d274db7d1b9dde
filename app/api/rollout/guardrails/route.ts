import { getGuardrailsHandler, updateGuardrailsHandler } from "@/server/rollout/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = getGuardrailsHandler;
export const PUT = updateGuardrailsHandler;
