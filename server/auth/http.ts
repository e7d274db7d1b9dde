import "server-only";
import { endpoints } from "@/lib/contracts/endpoints";
import { reply } from "../http/reply";
import { defineRoute } from "../http/route";
import { clientIp } from "./request-meta";
import { clearedSessionCookie, revokeSession, sessionCookie, sessionTokenFromCookieHeader } from "./session";
import { signIn } from "./sign-in";

/** POST /api/auth/signin: sets the session cookie (200) or answers 401 / 429. */
export const signInHandler = defineRoute(endpoints.signIn, async ({ request, body }) => {
  const { user, token, expiresAt } = await signIn(body.email, body.password, {
    ip: clientIp(request),
    userAgent: request.headers.get("user-agent"),
  });
  return reply(
    { user },
    { headers: { "set-cookie": sessionCookie(request, token, expiresAt), "cache-control": "no-store" } },
  );
});

/** POST /api/auth/signout: ends this browser's session. */
export const signOutHandler = defineRoute(endpoints.signOut, async ({ request }) => {
  const token = sessionTokenFromCookieHeader(request.headers.get("cookie"));
  if (token) await revokeSession(token);
  return reply({ ok: true }, { headers: { "set-cookie": clearedSessionCookie(request) } });
});

/** GET /api/auth/me: who is signed in. */
export const meHandler = defineRoute(endpoints.me, async ({ user }) => ({ user }));
