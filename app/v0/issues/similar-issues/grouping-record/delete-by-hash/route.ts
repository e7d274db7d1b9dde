// Sentry calls the grouping API at the host's root; the same handler serves /api/v0/…/grouping-record/delete-by-hash.
import { deleteByHashHandler } from "@/server/grouping/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const POST = deleteByHashHandler;
