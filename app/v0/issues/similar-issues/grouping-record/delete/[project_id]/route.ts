// Sentry calls the grouping API at the host's root; the same handler serves /api/v0/…/grouping-record/delete/<project_id>.
import { deleteProjectHandler } from "@/server/grouping/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = deleteProjectHandler;
