import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";

/**
 * Sends a browser without a session cookie to the sign-in page before any console page renders. This is the
 * cheap first check; the console layout and every API route check the session itself against the database.
 */
export function proxy(request: NextRequest) {
  if (request.cookies.has(SESSION_COOKIE)) return NextResponse.next();
  const url = request.nextUrl.clone();
  const next = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  url.pathname = "/signin";
  url.search = next === "/" ? "" : `?next=${encodeURIComponent(next)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Machine routes never see the sign-in redirect: the API (/api/…) and the grouping API at the root (/v0/…, where
  // Sentry calls it) authenticate each call themselves.
  matcher: ["/((?!api/|v0/|_next/|signin|favicon.ico|robots.txt).*)"],
};
