import "server-only";
import { env } from "../env";
import type { PrismaClient } from "../db/client";

export interface RateLimitVerdict {
  allowed: boolean;
  /** Seconds until the oldest counted failure leaves the window. */
  retryAfterSeconds: number;
}

type Key = { email: string } | { ip: string };

/** Failures for one key within the window and after its last success ("in a row"), oldest first. */
async function recentFailures(prisma: PrismaClient, key: Key, since: Date): Promise<Date[]> {
  const lastSuccess = await prisma.signInAttempt.findFirst({
    where: { ...key, succeeded: true, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const failures = await prisma.signInAttempt.findMany({
    where: { ...key, succeeded: false, createdAt: { gte: lastSuccess?.createdAt ?? since } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  return failures.map((failure) => failure.createdAt);
}

/**
 * Sign-in is refused (429) once an email, or an IP address, has SIGNIN_MAX_FAILURES wrong passwords in a row
 * within SIGNIN_WINDOW_SECONDS, until the oldest of them leaves the window. Counted in the database, so the
 * limit holds across restarts and replicas.
 */
export async function checkSignInRateLimit(prisma: PrismaClient, email: string, ip: string): Promise<RateLimitVerdict> {
  const { SIGNIN_MAX_FAILURES: max, SIGNIN_WINDOW_SECONDS: windowSeconds } = env();
  const now = Date.now();
  const since = new Date(now - windowSeconds * 1000);
  let retryAfterMs = 0;
  for (const key of [{ email }, { ip }] satisfies Key[]) {
    const failures = await recentFailures(prisma, key, since);
    if (failures.length >= max) {
      const oldestCounted = failures[failures.length - max]!;
      retryAfterMs = Math.max(retryAfterMs, oldestCounted.getTime() + windowSeconds * 1000 - now);
    }
  }
  return { allowed: retryAfterMs <= 0, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
}
