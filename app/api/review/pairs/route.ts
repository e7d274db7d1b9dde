import { createPairHandler, listPairsHandler } from "@/server/review/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = listPairsHandler;
export const POST = createPairHandler;
