import { storeHandler, storePixelHandler, storePreflightHandler } from "@/server/ingest/transport/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = storePixelHandler;
export const POST = storeHandler;
export const OPTIONS = storePreflightHandler;
