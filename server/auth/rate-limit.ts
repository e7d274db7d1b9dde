import "server-only";
import { env } from "../env";
import type { PrismaClient, Transaction } from "../db/client";

/**
 * The outcome of admitting an attempt: refused with the seconds until one more fits, or recorded (as a failure
 * until the password proves right).
 */
export type AdmittedAttempt = { allowed: true; attemptId: number } | { allowed: false; retryAfterSeconds: number };

type Key = { email: string; ip: string } | { email: string } | { ip: string };

interface Counter {
  key: Key;
  max: number;
  /** Whether a success for the key starts the count afresh ("in a row"). */
  resetBySuccess: boolean;
}

/**
 * When the key has reached its limit, the time at which the failure that must leave the window first was made
 * (then max - 1 are left and one more attempt fits); null while the key is under its limit.
 */
async function blockedSince(tx: Transaction, { key, max, resetBySuccess }: Counter, since: Date): Promise<Date | null> {
  const lastSuccess = resetBySuccess
    ? await tx.signInAttempt.findFirst({
        where: { ...key, succeeded: true, createdAt: { gte: since } },
        orderBy: { createdAt: "desc" },
        select: { createdAt: true },
      })
    : null;
  const blocking = await tx.signInAttempt.findFirst({
    where: { ...key, succeeded: false, createdAt: { gte: lastSuccess?.createdAt ?? since } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: max - 1,
    select: { createdAt: true },
  });
  return blocking?.createdAt ?? null;
}

/**
 * Admits a sign-in attempt or refuses it (429). Three counters, each of wrong passwords within
 * SIGNIN_WINDOW_SECONDS: for one email from one address, in a row (SIGNIN_MAX_FAILURES); for one email from
 * anywhere, in a row (SIGNIN_MAX_FAILURES_PER_EMAIL, much higher, so that an attacker guessing from one address
 * cannot lock the real user out of their own); and from one address for any email
 * (SIGNIN_MAX_FAILURES_PER_ADDRESS, against password spraying). Counted in the database, so the limits hold across
 * restarts and replicas.
 *
 * The check and the write of the attempt happen under one transaction-scoped advisory lock, so parallel requests
 * are admitted one at a time and N parallel wrong passwords cannot all pass a check made before any was written.
 * A refused attempt is not recorded: an attacker hammering one address cannot push the email's own counter up.
 */
export async function admitSignInAttempt(prisma: PrismaClient, email: string, ip: string): Promise<AdmittedAttempt> {
  const config = env();
  const windowMs = config.SIGNIN_WINDOW_SECONDS * 1000;
  const counters: Counter[] = [
    { key: { email, ip }, max: config.SIGNIN_MAX_FAILURES, resetBySuccess: true },
    { key: { email }, max: config.SIGNIN_MAX_FAILURES_PER_EMAIL, resetBySuccess: true },
    // A success does not reset an address: an attacker's own account would otherwise clear it between sprays.
    { key: { ip }, max: config.SIGNIN_MAX_FAILURES_PER_ADDRESS, resetBySuccess: false },
  ];
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('regroup.sign_in_attempts'))`;
    const now = Date.now();
    const since = new Date(now - windowMs);
    let retryAfterMs = 0;
    for (const counter of counters) {
      const blocking = await blockedSince(tx, counter, since);
      if (blocking) retryAfterMs = Math.max(retryAfterMs, blocking.getTime() + windowMs - now, 1);
    }
    if (retryAfterMs > 0) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
    const { id } = await tx.signInAttempt.create({ data: { email, ip, succeeded: false }, select: { id: true } });
    return { allowed: true, attemptId: id };
  });
}

/** Marks an admitted attempt as the right password, which ends the "in a row" counts of its email. */
export async function markSignInSucceeded(prisma: PrismaClient, attemptId: number): Promise<void> {
  await prisma.signInAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
}
