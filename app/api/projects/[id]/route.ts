import { deleteProjectHandler, getProjectHandler, updateProjectHandler } from "@/server/projects/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = getProjectHandler;
export const PATCH = updateProjectHandler;
export const DELETE = deleteProjectHandler;
