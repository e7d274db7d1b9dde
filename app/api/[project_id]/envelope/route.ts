import { envelopeHandler, envelopePreflightHandler } from "@/server/ingest/transport/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const POST = envelopeHandler;
export const OPTIONS = envelopePreflightHandler;
