import "server-only";
import { cookies } from "next/headers";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { userOfSession, type SessionUser } from "./session";

/** The signed-in user of the page being rendered, or null. */
export async function currentUser(): Promise<SessionUser | null> {
  const store = await cookies();
  return userOfSession(store.get(SESSION_COOKIE)?.value);
}
