import type { Role } from "@/lib/auth/roles";
import { createSession, type SessionUser } from "../auth/session";
import { createUser } from "../users/service";

let counter = 0;

/** A new user with the role and a signed-in session; returns the Cookie header value for requests. */
export async function signedInAs(role: Role): Promise<{ id: number; email: string; cookie: string }> {
  counter += 1;
  const email = `${role}-${counter}-${Date.now()}@test.example`;
  const user = await createUser("system", { email, role, password: `password-of-${email}` });
  const { token } = await createSession(user.id, { ip: "127.0.0.1", userAgent: "vitest" });
  return { id: user.id, email, cookie: `regroup_session=${token}` };
}

/** A new signed-in user with the role, as the services see their caller. */
export async function sessionUserAs(role: Role): Promise<SessionUser> {
  const user = await signedInAs(role);
  return { id: user.id, email: user.email, name: null, role };
}
