import { healthHandler } from "@/server/health/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = healthHandler;
