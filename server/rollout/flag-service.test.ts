import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/session";
import { setUpTestDatabase } from "../testing/test-environment";
import { fixtureModels } from "../testing/fixture-models";
import { sessionUserAs } from "../testing/users";
import { applyCohort } from "./cohort-service";
import { resolveCohort, stickyBucket } from "./cohorts";
import { revertAuditEntry, setFlags } from "./flag-service";
import { enforceGuardrails } from "./guardrails";
import { rolloutOverview } from "./overview";
import { updateGuardrailSettings, defaultGuardrails } from "./settings";
import { createProject, ingestDistinctErrors } from "./test-fixtures";

const database = setUpTestDatabase({ models: fixtureModels });
let admin: SessionUser;
beforeAll(async () => {
  admin = await sessionUserAs("admin");
});

describe("flags, revert, cohorts and guardrails", () => {
  it("sets flags with one audit entry per project and reverts from an entry", async () => {
    const a = await createProject(database.prisma);
    const b = await createProject(database.prisma);
    const { projects } = await setFlags(admin, {
      projectIds: [a.id, b.id],
      change: { groupingModel: "v2" },
      reason: "try v2",
    });
    expect(projects.map((p) => p.after.grouping_model)).toEqual(["v2", "v2"]);
    await expect(
      setFlags(admin, { projectIds: [a.id], change: { groupingModel: "v2" }, reason: "again" }),
    ).rejects.toThrow(/Nothing changed/);

    const reverted = await revertAuditEntry(admin, projects[0]!.auditId, "too early");
    expect(reverted.after).toEqual({ grouping_model: "v1", skip_fallback: false });
    const entry = await database.prisma.auditEntry.findUniqueOrThrow({ where: { id: reverted.auditId } });
    expect(entry).toMatchObject({
      action: "flag.revert",
      reason: `Revert of audit entry #${projects[0]!.auditId} (flag.set by ${admin.email}): too early`,
    });
    await expect(revertAuditEntry(admin, projects[0]!.auditId)).rejects.toThrow(/already has the flags/);
    const overview = await rolloutOverview(fixtureModels);
    expect(overview.projects.find((p) => p.id === b.id)?.groupingModel).toBe("v2");
  });

  it("selects sticky percentage cohorts and filter cohorts, and applies a change to them", async () => {
    const ids = [101, 202, 303, 404];
    expect(ids.map((id) => stickyBucket(id, "s"))).toEqual(ids.map((id) => stickyBucket(id, "s")));
    const ten = await resolveCohort({ kind: "percentage", percent: 10, salt: "x" });
    const fifty = await resolveCohort({ kind: "percentage", percent: 50, salt: "x" });
    expect(ten.every((p) => fifty.some((q) => q.id === p.id))).toBe(true);

    const go = await createProject(database.prisma, { platform: "go" });
    const result = await applyCohort(admin, {
      cohort: { kind: "filter", platform: "go" },
      change: { skipFallback: true },
      reason: "go apps",
    });
    expect(result.applied).toEqual([go.id]);
  });

  it("pauses a v2 project whose overgrouping bound breaks the guardrail, audited as system", async () => {
    const project = await createProject(database.prisma, { model: "v2" });
    await ingestDistinctErrors(project, 6);
    const events = await database.prisma.event.findMany({ where: { projectId: project.id }, orderBy: { id: "asc" } });
    for (let i = 0; i + 1 < events.length; i += 2) {
      const pair = await database.prisma.reviewPair.create({
        data: {
          projectId: project.id,
          platform: "python",
          eventAId: events[i]!.id,
          eventBId: events[i + 1]!.id,
          source: "merge_sample",
          model: "v2",
          mergeSampleProbability: 0.5,
        },
      });
      await database.prisma.label.create({ data: { pairId: pair.id, labelerName: "tester", verdict: "SEPARATE" } });
    }
    const row = async () => (await rolloutOverview(fixtureModels)).projects.find((p) => p.id === project.id)!;
    expect((await row()).overgrouping).toMatchObject({ sampleSize: 3, incorrect: 3, rate: 1 });
    expect((await row()).guardrails[0]).toMatchObject({
      rule: "overgrouping_upper_bound",
      level: "insufficient_sample",
    });
    expect(await enforceGuardrails(fixtureModels)).toEqual([]); // auto-pause is off by default

    await updateGuardrailSettings(
      admin,
      { ...defaultGuardrails, minOvergroupingSample: 3, autoPause: true },
      "pause bad merges",
    );
    expect((await row()).guardrails[0]).toMatchObject({ level: "breached" });
    expect(await enforceGuardrails(fixtureModels)).toContain(project.id);
    expect((await row()).groupingModel).toBe("v1");
    const audit = await database.prisma.auditEntry.findFirstOrThrow({
      where: { action: "flag.auto_pause", targetId: String(project.id) },
    });
    expect(audit).toMatchObject({ actor: "system", after: { grouping_model: "v1", skip_fallback: false } });
    expect(audit.reason).toMatch(/^Guardrail overgrouping_upper_bound: /);
  });
});
