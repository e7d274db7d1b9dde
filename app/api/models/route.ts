import { listModelsHandler, registerModelHandler } from "@/server/models/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = listModelsHandler;
export const POST = registerModelHandler;
