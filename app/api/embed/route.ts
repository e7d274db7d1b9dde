import { embedHandler } from "@/server/inference/http";
export const runtime = "nodejs";
export const POST = embedHandler;
