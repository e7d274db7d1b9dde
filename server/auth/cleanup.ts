import "server-only";
import { db } from "../db";
import { env } from "../env";
import { logger } from "../logger";
import { sessionIdleMs } from "./session";

// Sign-in attempts are read only within SIGNIN_WINDOW_SECONDS; a day more is kept for looking into an attack.
const ATTEMPT_RETENTION_MS = 86_400_000;
const CLEANUP_EVERY_MS = 60 * 60_000;

/** Deletes sessions that have expired or gone idle, and sign-in attempts no limit reads any more. */
export async function deleteStaleSignInData(now = new Date()): Promise<{ sessions: number; attempts: number }> {
  const prisma = await db();
  const idleBefore = new Date(now.getTime() - sessionIdleMs());
  const attemptsBefore = new Date(now.getTime() - env().SIGNIN_WINDOW_SECONDS * 1000 - ATTEMPT_RETENTION_MS);
  const sessions = await prisma.session.deleteMany({
    where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lt: idleBefore } }] },
  });
  const attempts = await prisma.signInAttempt.deleteMany({ where: { createdAt: { lt: attemptsBefore } } });
  return { sessions: sessions.count, attempts: attempts.count };
}

/** Runs deleteStaleSignInData now and then hourly, until the returned stop is called (the server's lifetime). */
export function startSignInCleanup(): { stop(): void } {
  const run = () =>
    deleteStaleSignInData().catch((error: unknown) => logger.warn("sign-in data cleanup failed", { error }));
  void run();
  const timer = setInterval(() => void run(), CLEANUP_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
