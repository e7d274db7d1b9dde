import "server-only";
import type { CreateUserRequest, UpdateUserRequest, User } from "@/lib/contracts/users";
import { recordAudit } from "../audit/record";
import { hashPassword } from "../auth/password";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { Prisma } from "../db/client";
import { ConflictError, NotFoundError } from "../http/errors";

type UserRow = {
  id: number;
  email: string;
  name: string | null;
  role: User["role"];
  disabledAt: Date | null;
  createdAt: Date;
};

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabledAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** What the audit log keeps of a user: never the password hash. */
const auditView = (user: User) => ({ email: user.email, role: user.role, disabled: user.disabled });

export async function listUsers(): Promise<User[]> {
  const prisma = await db();
  return (await prisma.user.findMany({ orderBy: { email: "asc" } })).map(toUser);
}

/** Creates a user with a role; audited. */
export async function createUser(actor: SessionUser | "system", input: CreateUserRequest): Promise<User> {
  const prisma = await db();
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      const user = toUser(
        await tx.user.create({
          data: { email: input.email, name: input.name || null, role: input.role, passwordHash },
        }),
      );
      await recordAudit(tx, {
        actor,
        action: "user.create",
        target: { type: "user", id: user.id, label: user.email },
        after: auditView(user),
      });
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError(`A user with the email ${input.email} already exists.`, [
        { path: ["email"], message: "a user with this email already exists" },
      ]);
    }
    throw error;
  }
}

/** Changes a user's role, disables or enables them, or sets a new password; audited. Keeps one active admin. */
export async function updateUser(actor: SessionUser, id: number, patch: UpdateUserRequest): Promise<User> {
  const prisma = await db();
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  const mayRemoveAdmin = (patch.role !== undefined && patch.role !== "admin") || patch.disabled === true;
  return prisma.$transaction(async (tx) => {
    // Two admins demoting each other at once must not both see "another admin is left": lock the active admins'
    // rows first, so that the second waits for the first and then reads what it committed (READ COMMITTED).
    const activeAdmins = mayRemoveAdmin
      ? await tx.$queryRaw<{ id: number }[]>`
          SELECT id FROM users WHERE role = 'admin' AND disabled_at IS NULL ORDER BY id FOR UPDATE`
      : [];
    const current = await tx.user.findUnique({ where: { id } });
    if (!current) throw new NotFoundError(`There is no user with id ${id}.`);
    const before = toUser(current);
    const losesAdmin = before.role === "admin" && !before.disabled && mayRemoveAdmin;
    if (losesAdmin && !activeAdmins.some((admin) => admin.id !== id)) {
      throw new ConflictError("This is the last active admin; make another admin first.");
    }
    const disabledAt =
      patch.disabled === undefined ? undefined : patch.disabled ? (current.disabledAt ?? new Date()) : null;
    const after = toUser(await tx.user.update({ where: { id }, data: { role: patch.role, disabledAt, passwordHash } }));
    // A disabled user or a new password ends the user's sessions everywhere.
    if (patch.disabled === true || passwordHash) await tx.session.deleteMany({ where: { userId: id } });

    const target = { type: "user", id, label: after.email };
    const reason = patch.reason;
    if (patch.role && patch.role !== before.role) {
      await recordAudit(tx, {
        actor,
        action: "user.role_change",
        target,
        before: { role: before.role },
        after: { role: after.role },
        reason,
      });
    }
    if (patch.disabled !== undefined && patch.disabled !== before.disabled) {
      await recordAudit(tx, {
        actor,
        action: patch.disabled ? "user.disable" : "user.enable",
        target,
        before: { disabled: before.disabled },
        after: { disabled: after.disabled },
        reason,
      });
    }
    if (passwordHash) await recordAudit(tx, { actor, action: "user.password_reset", target, reason });
    return after;
  });
}
