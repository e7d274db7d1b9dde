import { updateUserHandler } from "@/server/users/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const PATCH = updateUserHandler;
