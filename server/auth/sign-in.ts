import "server-only";
import { db } from "../db";
import { HttpError } from "../http/errors";
import { verifyPassword } from "./password";
import { admitSignInAttempt, markSignInSucceeded } from "./rate-limit";
import { createSession, type SessionUser } from "./session";

export class TooManyAttemptsError extends HttpError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      "too_many_attempts",
      `Too many failed sign-in attempts; try again in ${retryAfterSeconds} seconds.`,
      undefined,
      {
        "retry-after": String(retryAfterSeconds),
      },
    );
  }
}

const INVALID = "The email or password is wrong, or the account is disabled.";

/** Checks the password (rate-limited per email and address, per email, and per address) and opens a session; the same 401 for every failure. */
export async function signIn(
  email: string,
  password: string,
  meta: { ip: string; userAgent: string | null },
): Promise<{ user: SessionUser; token: string; expiresAt: Date }> {
  const prisma = await db();
  const normalised = email.trim().toLowerCase();
  const attempt = await admitSignInAttempt(prisma, normalised, meta.ip);
  if (!attempt.allowed) throw new TooManyAttemptsError(attempt.retryAfterSeconds);

  const user = await prisma.user.findUnique({ where: { email: normalised } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  const succeeded = Boolean(user && passwordOk && !user.disabledAt);
  if (!user || !succeeded) throw new HttpError(401, "invalid_credentials", INVALID);
  await markSignInSucceeded(prisma, attempt.attemptId);

  const { token, expiresAt } = await createSession(user.id, meta);
  return { user: { id: user.id, email: user.email, name: user.name, role: user.role }, token, expiresAt };
}
