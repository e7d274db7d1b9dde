import { signInHandler } from "@/server/auth/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const POST = signInHandler;
