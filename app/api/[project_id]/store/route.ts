import { storeHandler, ingestOptionsHandler } from "@/server/ingest/transport/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const POST = storeHandler;
export const OPTIONS = ingestOptionsHandler;
