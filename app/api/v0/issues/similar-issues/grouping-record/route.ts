import { bulkCreateHandler } from "@/server/grouping/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const POST = bulkCreateHandler;
