import { describe, expect, it } from "vitest";
import { setUpTestDatabase } from "../testing/test-environment";
import { signedInAs } from "../testing/users";
import { deleteStaleSignInData } from "./cleanup";
import { meHandler } from "./http";
import { sessionCookie, sessionIdOf, sessionTokenFromCookieHeader, userOfSession } from "./session";

// 30 minutes of idleness end a session; no TRUST_PROXY, so forwarded headers are the client's word.
process.env.SESSION_IDLE_MINUTES = "30";
process.env.SIGNIN_WINDOW_SECONDS = "900";
delete process.env.TRUST_PROXY;

const database = setUpTestDatabase();

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
const tokenOf = (cookie: string) => cookie.split("=")[1]!;
/** Back-dates the session behind a sign-in cookie. */
const backdateSession = (cookie: string, data: { lastSeenAt?: Date; expiresAt?: Date }) =>
  database.prisma.session.update({ where: { id: sessionIdOf(tokenOf(cookie)) }, data });

describe("sessions", () => {
  it("treats a malformed session cookie as no session: 401, not a logged 500", async () => {
    expect(sessionTokenFromCookieHeader("regroup_session=%E0%A4%A")).toBeNull();
    const response = await meHandler(
      new Request("http://localhost/api/auth/me", { headers: { cookie: "other=1; regroup_session=%E0%A4%A" } }),
    );
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
  });

  it("ends a session idle for longer than SESSION_IDLE_MINUTES, and keeps a used one alive", async () => {
    const idle = await signedInAs("viewer");
    const used = await signedInAs("viewer");
    await backdateSession(idle.cookie, { lastSeenAt: minutesAgo(31) });
    await backdateSession(used.cookie, { lastSeenAt: minutesAgo(20) });
    expect(await userOfSession(tokenOf(idle.cookie))).toBeNull();
    expect(await userOfSession(tokenOf(used.cookie))).toMatchObject({ email: used.email });
    // Using it moved last-seen forward, so it is not idle 20 more minutes later either.
    const touched = await database.prisma.session.findUniqueOrThrow({
      where: { id: sessionIdOf(tokenOf(used.cookie)) },
    });
    expect(touched.lastSeenAt.getTime()).toBeGreaterThan(minutesAgo(1).getTime());
  });

  it("does not write last-seen on every request", async () => {
    const fresh = await signedInAs("viewer");
    const id = sessionIdOf(tokenOf(fresh.cookie));
    const seen = minutesAgo(2);
    await database.prisma.session.update({ where: { id }, data: { lastSeenAt: seen } });
    await userOfSession(tokenOf(fresh.cookie));
    expect((await database.prisma.session.findUniqueOrThrow({ where: { id } })).lastSeenAt).toEqual(seen);
  });

  it("deletes expired and idle sessions and old sign-in attempts, and keeps the rest", async () => {
    const expired = await signedInAs("viewer");
    const idle = await signedInAs("viewer");
    const live = await signedInAs("viewer");
    await backdateSession(expired.cookie, { expiresAt: minutesAgo(1) });
    await backdateSession(idle.cookie, { lastSeenAt: minutesAgo(45) });
    await database.prisma.signInAttempt.createMany({
      data: [
        { email: "old@example.com", ip: "192.0.2.1", succeeded: false, createdAt: minutesAgo(3 * 24 * 60) },
        { email: "new@example.com", ip: "192.0.2.1", succeeded: false, createdAt: minutesAgo(5) },
      ],
    });
    const deleted = await deleteStaleSignInData();
    expect(deleted.attempts).toBe(1);
    const left = (await database.prisma.session.findMany({ select: { id: true } })).map((s) => s.id);
    expect(left).toContain(sessionIdOf(tokenOf(live.cookie)));
    expect(left).not.toContain(sessionIdOf(tokenOf(idle.cookie)));
    expect(left).not.toContain(sessionIdOf(tokenOf(expired.cookie)));
    expect(await database.prisma.signInAttempt.findMany({ select: { email: true } })).toEqual([
      { email: "new@example.com" },
    ]);
  });

  it("decides the Secure flag by the request's own scheme, not by an X-Forwarded-Proto nobody vouches for", () => {
    const expires = new Date(Date.now() + 60_000);
    const forged = new Request("http://regroup.test/api/auth/signin", { headers: { "x-forwarded-proto": "https" } });
    expect(sessionCookie(forged, "t", expires)).not.toContain("Secure");
    expect(sessionCookie(new Request("https://regroup.test/api/auth/signin"), "t", expires)).toMatch(/; Secure$/);
  });
});
