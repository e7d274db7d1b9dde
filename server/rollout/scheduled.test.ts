import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/session";
import type { Database } from "../db/client";
import { useGroupingModels } from "../grouping/default-models";
import { createTestDatabase } from "../testing/database";
import { fixtureModels } from "../testing/fixture-models";
import { signedInAs } from "../testing/users";
import { createJobRunner } from "./job-runner";
import { cancelScheduledChange, scheduleChange } from "./scheduled";
import { createProject, waitFor } from "./test-fixtures";

let database: Database;
let admin: SessionUser;
beforeAll(async () => {
  database = await createTestDatabase();
  useGroupingModels(fixtureModels);
  const user = await signedInAs("admin");
  admin = { id: user.id, email: user.email, name: null, role: "admin" };
});
afterAll(async () => {
  useGroupingModels(undefined);
  await database?.close();
});

const modelOf = async (projectId: number) =>
  (await database.prisma.featureFlag.findUnique({ where: { projectId_key: { projectId, key: "grouping_model" } } }))
    ?.value ?? "v1";

describe("scheduled changes", () => {
  it("apply at their time, audited, and a cancelled one never applies", async () => {
    const due = await createProject(database.prisma);
    const cancelled = await createProject(database.prisma);
    const runAt = new Date(Date.now() + 2_000);
    const kept = await scheduleChange(admin, {
      projectIds: [due.id],
      change: { groupingModel: "v2" },
      reason: "night switch",
      runAt,
    });
    const dropped = await scheduleChange(admin, {
      projectIds: [cancelled.id],
      change: { groupingModel: "v2" },
      reason: "changed my mind",
      runAt,
    });
    expect(kept.status).toBe("pending");
    await cancelScheduledChange(admin, dropped.id);
    await expect(cancelScheduledChange(admin, dropped.id)).rejects.toThrow(/only a pending change/);

    const runner = createJobRunner({ intervalMs: 25, models: fixtureModels });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(Date.now()).toBeLessThan(runAt.getTime());
      expect(await modelOf(due.id)).toBe("v1"); // not yet: its time has not come
      await waitFor(async () => (await modelOf(due.id)) === "v2", 5_000, "the scheduled change");
      const applied = await database.prisma.scheduledChange.findUniqueOrThrow({ where: { id: kept.id } });
      expect(applied.status).toBe("applied");
      expect(applied.appliedAt!.getTime()).toBeGreaterThanOrEqual(runAt.getTime());
      const audit = await database.prisma.auditEntry.findFirstOrThrow({
        where: { action: "flag.set", targetId: String(due.id) },
      });
      expect(audit).toMatchObject({
        actor: admin.email,
        reason: `Scheduled change #${kept.id}: night switch`,
        before: { grouping_model: "v1", skip_fallback: false },
        after: { grouping_model: "v2", skip_fallback: false },
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      await runner.stop();
    }
    expect(await modelOf(cancelled.id)).toBe("v1");
    const never = await database.prisma.scheduledChange.findUniqueOrThrow({ where: { id: dropped.id } });
    expect(never).toMatchObject({ status: "cancelled", appliedAt: null });
    expect(
      await database.prisma.auditEntry.count({ where: { action: "flag.set", targetId: String(cancelled.id) } }),
    ).toBe(0);
  }, 20_000);
});
