/**
 * `npm run user:password -- <email>`: gives a user a new generated password (printed once), ends their sessions,
 * and enables the account — the way back in when the admin password is lost. Needs the database to itself (stop the
 * server first when it uses the embedded one). Audited as done by "system".
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { recordAudit } from "../server/audit/record";
import { hashPassword } from "../server/auth/password";
import { parseEnv } from "../server/env";
import { openMigratedDatabase } from "../server/startup";
import { exitOnStartupFailure } from "./runtime/exit-on-startup-failure";

const email = parseArgs({ allowPositionals: true }).positionals[0]?.trim().toLowerCase();
if (!email) {
  process.stderr.write("usage: npm run user:password -- <email>\n");
  process.exit(2);
}

try {
  const { database } = await openMigratedDatabase(parseEnv(), "npm run user:password");
  try {
    const password = randomBytes(15).toString("base64url");
    const passwordHash = await hashPassword(password);
    const found = await database.prisma.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { email } });
      if (!user) return false;
      await tx.user.update({ where: { id: user.id }, data: { passwordHash, disabledAt: null } });
      await tx.session.deleteMany({ where: { userId: user.id } });
      await recordAudit(tx, {
        actor: "system",
        action: "user.password_reset",
        target: { type: "user", id: user.id, label: user.email },
        reason: "npm run user:password",
      });
      return true;
    });
    if (!found) {
      process.stderr.write(`user:password: there is no user ${email}.\n`);
      process.exitCode = 1;
    } else {
      console.log(`New password for ${email}: ${password} (shown only this once).`);
    }
  } finally {
    await database.close();
  }
} catch (error) {
  exitOnStartupFailure("user:password", error);
}
