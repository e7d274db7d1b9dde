// Sentry calls the grouping API at the host's root; the same handler serves /api/v0/issues/similar-issues/grouping-record.
import { bulkCreateHandler } from "@/server/grouping/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const POST = bulkCreateHandler;
