import { keyStoreHandler, keyStorePixelHandler, keyStorePreflightHandler } from "@/server/ingest/transport/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = keyStorePixelHandler;
export const POST = keyStoreHandler;
export const OPTIONS = keyStorePreflightHandler;
