import { createUserHandler, listUsersHandler } from "@/server/users/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = listUsersHandler;
export const POST = createUserHandler;
