import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Role } from "@/lib/auth/roles";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { db } from "../db";
import { env } from "../env";
import { isHttps } from "./request-meta";

export { SESSION_COOKIE };
const SESSION_DAYS = 14;

/** How long a session may go unused before it ends (SESSION_IDLE_MINUTES). */
export function sessionIdleMs(): number {
  return env().SESSION_IDLE_MINUTES * 60_000;
}

// Refresh last_seen_at at most this often (and well within the idle timeout), so reading pages does not write on
// every request.
const touchIntervalMs = () => Math.min(5 * 60_000, sessionIdleMs() / 4);

export interface SessionUser {
  id: number;
  email: string;
  name: string | null;
  role: Role;
}

/** Sessions are stored by the hash of their token: a database leak does not hand out sign-ins. */
export function sessionIdOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Starts a session for the user and returns the token for the cookie (the only place it ever exists). */
export async function createSession(
  userId: number,
  meta: { ip: string; userAgent: string | null },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  const prisma = await db();
  await prisma.session.create({
    data: { id: sessionIdOf(token), userId, expiresAt, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) ?? null },
  });
  return { token, expiresAt };
}

/**
 * The signed-in user of a session token, or null when the session is unknown, expired, idle for longer than
 * SESSION_IDLE_MINUTES, or the user disabled.
 */
export async function userOfSession(token: string | undefined | null): Promise<SessionUser | null> {
  if (!token || token.length > 200) return null;
  const prisma = await db();
  const session = await prisma.session.findUnique({ where: { id: sessionIdOf(token) }, include: { user: true } });
  if (!session || session.expiresAt.getTime() <= Date.now() || session.user.disabledAt) return null;
  const idleMs = Date.now() - session.lastSeenAt.getTime();
  if (idleMs > sessionIdleMs()) return null;
  if (idleMs > touchIntervalMs()) {
    await prisma.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: new Date() } });
  }
  const { id, email, name, role } = session.user;
  return { id, email, name, role };
}

export async function revokeSession(token: string): Promise<void> {
  const prisma = await db();
  await prisma.session.deleteMany({ where: { id: sessionIdOf(token) } });
}

/** The session token in a Cookie header; null when there is none or it is not a well-formed value (no session). */
export function sessionTokenFromCookieHeader(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name !== SESSION_COOKIE) continue;
    try {
      return decodeURIComponent(rest.join("="));
    } catch {
      // A malformed percent-escape (say "%E0%A4%A") is no token at all, not a server error.
      return null;
    }
  }
  return null;
}

function secureFlag(request: Request): string {
  return isHttps(request) ? "; Secure" : "";
}

export function sessionCookie(request: Request, token: string, expiresAt: Date): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Expires=${expiresAt.toUTCString()}${secureFlag(request)}`;
}

export function clearedSessionCookie(request: Request): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secureFlag(request)}`;
}
