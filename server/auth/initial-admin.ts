import "server-only";
import { randomBytes } from "node:crypto";
import type { Env } from "../env";
import { db } from "../db";
import { createUser } from "../users/service";

export type InitialAdmin = { created: false } | { created: true; email: string; generatedPassword: string | null };

/**
 * On the first start (no users at all) creates the admin from ADMIN_EMAIL / ADMIN_PASSWORD; without a password,
 * generates one for the caller to print once — only its hash is stored.
 */
export async function ensureInitialAdmin(config: Env): Promise<InitialAdmin> {
  const prisma = await db();
  if ((await prisma.user.count()) > 0) return { created: false };
  const generatedPassword = config.ADMIN_PASSWORD ? null : randomBytes(15).toString("base64url");
  await createUser("system", {
    email: config.ADMIN_EMAIL,
    role: "admin",
    name: "Administrator",
    password: config.ADMIN_PASSWORD ?? generatedPassword!,
  });
  return { created: true, email: config.ADMIN_EMAIL, generatedPassword };
}
