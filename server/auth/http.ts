import "server-only";
import { signInRequestSchema, type MeResponse } from "@/lib/contracts/users";
import { defineRoute } from "../http/route";
import { clientIp } from "./request-meta";
import { clearedSessionCookie, revokeSession, sessionCookie, sessionTokenFromCookieHeader } from "./session";
import { signIn } from "./sign-in";

/** POST /api/auth/signin: sets the session cookie (200) or answers 401 / 429. */
export const signInHandler = defineRoute(
  { access: "public", body: signInRequestSchema, maxBodyBytes: 4096 },
  async ({ request, body }) => {
    const { user, token, expiresAt } = await signIn(body.email, body.password, {
      ip: clientIp(request),
      userAgent: request.headers.get("user-agent"),
    });
    return Response.json({ user } satisfies MeResponse, {
      headers: { "set-cookie": sessionCookie(request, token, expiresAt), "cache-control": "no-store" },
    });
  },
);

/** POST /api/auth/signout: ends this browser's session. */
export const signOutHandler = defineRoute({ access: "viewer" }, async ({ request }) => {
  const token = sessionTokenFromCookieHeader(request.headers.get("cookie"));
  if (token) await revokeSession(token);
  return Response.json({ ok: true }, { headers: { "set-cookie": clearedSessionCookie(request) } });
});

/** GET /api/auth/me: who is signed in. */
export const meHandler = defineRoute({ access: "viewer" }, async ({ user }): Promise<MeResponse> => ({ user: user! }));
