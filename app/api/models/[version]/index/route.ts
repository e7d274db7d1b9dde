import { dropModelIndexHandler } from "@/server/models/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const DELETE = dropModelIndexHandler;
