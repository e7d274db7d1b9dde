import { setTimeout as sleep } from "node:timers/promises";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/session";
import { setUpTestDatabase } from "../testing/test-environment";
import { fixtureModels } from "../testing/fixture-models";
import { sessionUserAs } from "../testing/users";
import { createJobRunner } from "./job-runner";
import {
  applyDueScheduledChanges,
  cancelScheduledChange,
  scheduleChange,
  SCHEDULED_RETRY_DELAYS_MS,
} from "./scheduled";
import { createProject, waitFor } from "./test-fixtures";

const database = setUpTestDatabase({ models: fixtureModels });
let admin: SessionUser;
beforeAll(async () => {
  admin = await sessionUserAs("admin");
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
      await sleep(300);
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
      await sleep(300);
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

  it("retry a transient failure later, a bounded number of times, then fail saying why", async () => {
    const flaky = await createProject(database.prisma);
    const broken = await createProject(database.prisma);
    const now = new Date();
    // Writing these projects' flags fails as a serialisation failure does (SQLSTATE 40001): twice for one project,
    // always for the other.
    await database.driver.exec(`
      CREATE SEQUENCE flaky_writes;
      CREATE FUNCTION conflict_on_flags() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.project_id = ${broken.id} OR (NEW.project_id = ${flaky.id} AND nextval('flaky_writes') <= 2) THEN
            RAISE EXCEPTION 'could not serialize access' USING ERRCODE = '40001';
          END IF;
          RETURN NEW;
        END $$;
      CREATE TRIGGER conflict_on_flags BEFORE INSERT OR UPDATE ON feature_flags FOR EACH ROW
        EXECUTE FUNCTION conflict_on_flags();`);
    try {
      const runAt = new Date(now.getTime() - 1_000);
      const change = { groupingModel: "v2" as const };
      const retried = await scheduleChange(admin, { projectIds: [flaky.id], change, reason: "flaky", runAt });
      const doomed = await scheduleChange(admin, { projectIds: [broken.id], change, reason: "doomed", runAt });
      const row = (id: number) => database.prisma.scheduledChange.findUniqueOrThrow({ where: { id } });
      const [first, second, third] = SCHEDULED_RETRY_DELAYS_MS;
      const at = (ms: number) => new Date(now.getTime() + ms);

      expect(await applyDueScheduledChanges(now)).toEqual([]);
      expect(await row(retried.id)).toMatchObject({ status: "pending", attempts: 1, nextAttemptAt: at(first!) });
      expect((await row(retried.id)).error).toMatch(/Try 1 failed \(could not serialize access\); retrying at/);
      expect(await applyDueScheduledChanges(at(first! - 1))).toEqual([]); // not before its retry time
      expect(await applyDueScheduledChanges(at(first!))).toEqual([]);
      expect(await row(retried.id)).toMatchObject({ status: "pending", attempts: 2 });
      expect(await applyDueScheduledChanges(at(first! + second!))).toEqual([retried.id]);
      expect(await row(retried.id)).toMatchObject({ status: "applied", attempts: 2 });
      expect(await modelOf(flaky.id)).toBe("v2");

      expect(await applyDueScheduledChanges(at(first! + second! + third!))).toEqual([]);
      const gaveUp = await row(doomed.id);
      expect(gaveUp).toMatchObject({ status: "failed", attempts: SCHEDULED_RETRY_DELAYS_MS.length + 1 });
      expect(gaveUp.error).toMatch(/Failed 4 times with a transient error; gave up\. Last: could not serialize access/);
      expect(await modelOf(broken.id)).toBe("v1");
    } finally {
      await database.driver.exec(
        "DROP TRIGGER conflict_on_flags ON feature_flags; DROP FUNCTION conflict_on_flags(); DROP SEQUENCE flaky_writes;",
      );
    }
  });

  it("fail at once, on the row that failed, when the change itself cannot be applied", async () => {
    const fine = await createProject(database.prisma);
    const now = new Date();
    const invalid = await database.prisma.scheduledChange.create({
      data: { projectIds: [fine.id], change: { groupingModel: "v9" }, reason: "typo", runAt: now, createdBy: "x" },
    });
    const later = await scheduleChange(admin, {
      projectIds: [fine.id],
      change: { skipFallback: true },
      reason: "after the typo",
      runAt: new Date(now.getTime() + 1),
    });
    expect(await applyDueScheduledChanges(new Date(now.getTime() + 1))).toEqual([later.id]);
    const failed = await database.prisma.scheduledChange.findUniqueOrThrow({ where: { id: invalid.id } });
    expect(failed).toMatchObject({ status: "failed", attempts: 1, nextAttemptAt: null });
    expect(failed.error).toMatch(/groupingModel|v9|Invalid/);
  });
});
