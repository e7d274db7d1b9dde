import { createProjectHandler, listProjectsHandler } from "@/server/projects/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = listProjectsHandler;
export const POST = createProjectHandler;
