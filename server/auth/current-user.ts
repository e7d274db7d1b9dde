import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { hasRole, type Role } from "@/lib/auth/roles";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { userOfSession, type SessionUser } from "./session";

/**
 * The signed-in user of the page being rendered, or null. Cached per request, so that a layout and the page it wraps
 * read the session once.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const store = await cookies();
  return userOfSession(store.get(SESSION_COOKIE)?.value);
});

/** Whether the signed-in user of the page being rendered holds `role` (or a higher one); false when signed out. */
export async function currentUserHasRole(role: Role): Promise<boolean> {
  const user = await currentUser();
  return user !== null && hasRole(user.role, role);
}
