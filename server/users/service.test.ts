import { describe, expect, it } from "vitest";
import { listAudit } from "../audit/service";
import { userOfSession, createSession } from "../auth/session";
import { setUpTestDatabase } from "../testing/test-environment";
import { createUser, updateUser } from "./service";

const database = setUpTestDatabase();

const admin = async () => {
  const user = await createUser("system", {
    email: `admin-${Math.random()}@example.com`,
    role: "admin",
    password: "admin password!!",
  });
  return { id: user.id, email: user.email, name: null, role: "admin" as const };
};

describe("user management", () => {
  it("records who changed a role, from what to what, and why", async () => {
    const actor = await admin();
    const user = await createUser(actor, { email: "mia@example.com", role: "viewer", password: "mia's password" });
    await updateUser(actor, user.id, { role: "labeler", reason: "joins the labeling rota" });

    const { entries } = await listAudit({ target: "mia@example.com", limit: 10 });
    expect(entries.map((e) => e.action)).toEqual(["user.role_change", "user.create"]);
    expect(entries[0]).toMatchObject({
      actor: actor.email,
      targetType: "user",
      targetId: String(user.id),
      before: { role: "viewer" },
      after: { role: "labeler" },
      reason: "joins the labeling rota",
    });
    expect(JSON.stringify(entries)).not.toContain("argon2");
    const byActor = await listAudit({ actor: actor.email, limit: 10 });
    expect(byActor.entries.every((e) => e.actor === actor.email)).toBe(true);
  });

  it("ends a disabled user's sessions at once", async () => {
    const actor = await admin();
    const user = await createUser(actor, { email: "leo@example.com", role: "labeler", password: "leo's password" });
    const { token } = await createSession(user.id, { ip: "127.0.0.1", userAgent: null });
    expect(await userOfSession(token)).not.toBeNull();
    await updateUser(actor, user.id, { disabled: true });
    expect(await userOfSession(token)).toBeNull();
    expect(await database.prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses to demote or disable the last active admin, and to create a duplicate email", async () => {
    await database.prisma.user.updateMany({ where: { role: "admin" }, data: { role: "viewer" } });
    const only = await admin();
    await expect(updateUser(only, only.id, { role: "viewer" })).rejects.toThrow(/last active admin/);
    await expect(updateUser(only, only.id, { disabled: true })).rejects.toThrow(/last active admin/);
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: only.id } })).role).toBe("admin");
    await expect(
      createUser(only, { email: only.email, role: "viewer", password: "another password" }),
    ).rejects.toMatchObject({ status: 409, details: [{ path: ["email"] }] });
  });

  it("keeps one admin when the last two demote and disable each other at once", async () => {
    await database.prisma.user.updateMany({ where: { role: "admin" }, data: { role: "viewer" } });
    const [first, second] = [await admin(), await admin()];
    const outcomes = await Promise.allSettled([
      updateUser(first, second.id, { role: "viewer" }),
      updateUser(second, first.id, { disabled: true }),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(outcomes.find((outcome) => outcome.status === "rejected")).toMatchObject({
      reason: { status: 409 },
    });
    expect(await database.prisma.user.count({ where: { role: "admin", disabledAt: null } })).toBe(1);
  });

  it("writes nothing when a change fails half-way", async () => {
    const before = await database.prisma.auditEntry.count();
    const actor = await admin();
    const afterAdmin = await database.prisma.auditEntry.count();
    expect(afterAdmin).toBe(before + 1);
    await expect(updateUser(actor, 999_999, { role: "viewer" })).rejects.toMatchObject({ status: 404 });
    expect(await database.prisma.auditEntry.count()).toBe(afterAdmin);
  });
});
