import { rotateProjectKeyHandler } from "@/server/projects/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const POST = rotateProjectKeyHandler;
