import { beforeAll, describe, expect, it } from "vitest";
import { dashboardResponseSchema, type DashboardResponse } from "@/lib/contracts/overgrouping";
import { agreementSchema } from "@/lib/contracts/review";
import { cohensKappa } from "@/engine/metrics/kappa";
import { seedOvergroupingWorld } from "../overgrouping/seed-fixture";
import { setUpTestApi } from "../testing/test-environment";
import { fixtureModels } from "../testing/fixture-models";
import { signedInAs } from "../testing/users";
import type { AutomatedVerdict, Labeler } from "./labeler";
import { runLabeler } from "./run";

/**
 * Automated labels beside the experts': they never change what the experts' labels say (rates, conflicts), the
 * Agreement API measures each labeler against the experts' majority (kappa, confusion matrix), and the Overgrouping
 * API computes its rates from a labeler only when asked and when its kappa passes LABELER_MIN_KAPPA (0.7).
 */
const server = setUpTestApi({ models: fixtureModels });
const database = server.database;
let cookie: string;
/** The experts' verdict of every pair with a strict expert majority (the world's labels plus "expert-a"'s). */
const experts = new Map<number, AutomatedVerdict>();

async function get(path: string): Promise<Response> {
  return fetch(`${server.url}${path}`, { headers: { cookie } });
}

async function dashboard(labels?: string): Promise<DashboardResponse> {
  const response = await get(`/api/overgrouping${labels ? `?labels=${encodeURIComponent(labels)}` : ""}`);
  expect(response.status).toBe(200);
  return dashboardResponseSchema.parse(await response.json());
}

/** A labeler answering from a table (pair id → verdict), as an in-process stand-in for a model. */
function tableLabeler(name: string, answer: (pairId: number) => AutomatedVerdict): Labeler {
  return {
    name,
    version: "table-1",
    label: (task) => Promise.resolve({ verdict: answer(task.pairId), reason: `${name} says so`, tokens: 0 }),
  };
}

beforeAll(async () => {
  await seedOvergroupingWorld(database);
  cookie = (await signedInAs("viewer")).cookie;
  const { prisma } = database;
  // 30 more pairs, labeled by one expert: GROUP when both events are in one issue.
  const events = await prisma.event.findMany({ orderBy: { id: "asc" }, select: { id: true, groupId: true } });
  let added = 0;
  for (let i = 0; i < events.length && added < 30; i++) {
    for (let j = i + 1; j < events.length && added < 30; j++) {
      const [a, b] = [events[i]!, events[j]!];
      const exists = await prisma.reviewPair.findUnique({
        where: { eventAId_eventBId: { eventAId: a.id, eventBId: b.id } },
      });
      if (exists) continue;
      const first = await prisma.event.findUniqueOrThrow({
        where: { id: a.id },
        select: { projectId: true, platform: true },
      });
      const pair = await prisma.reviewPair.create({
        data: {
          eventAId: a.id,
          eventBId: b.id,
          projectId: first.projectId,
          platform: first.platform,
          source: "manual",
        },
      });
      const verdict = a.groupId === b.groupId ? "GROUP" : "SEPARATE";
      await prisma.label.create({ data: { pairId: pair.id, labelerName: "expert-a", verdict } });
      added += 1;
    }
  }
  expect(added).toBe(30);
  const labels = await prisma.label.findMany();
  const votes = new Map<number, AutomatedVerdict[]>();
  for (const label of labels) votes.set(label.pairId, [...(votes.get(label.pairId) ?? []), label.verdict]);
  for (const [pairId, verdicts] of votes) {
    for (const verdict of ["GROUP", "SEPARATE", "UNSURE"] as const) {
      if (verdicts.filter((v) => v === verdict).length * 2 > verdicts.length) experts.set(pairId, verdict);
    }
  }
});

describe("automated labels", () => {
  it("are stored as automated, leave the experts' rates and conflicts alone, and are measured against the experts", async () => {
    const before = await dashboard();
    const conflictPairs = async () =>
      ((await (await get("/api/review/conflicts")).json()) as { pairs: { id: number }[] }).pairs.map((p) => p.id);
    const conflictsBefore = await conflictPairs();
    // The oracle agrees with the experts except on two pairs they call SEPARATE: it says GROUP there.
    const flipped = [...experts.entries()]
      .filter(([, verdict]) => verdict === "SEPARATE")
      .slice(0, 2)
      .map(([id]) => id);
    const oracle = tableLabeler("oracle", (pairId) =>
      flipped.includes(pairId) ? "GROUP" : (experts.get(pairId) ?? "UNSURE"),
    );
    const run = await runLabeler({ labeler: oracle, source: "all" });
    const pairs = await database.prisma.reviewPair.count();
    expect(run).toMatchObject({ total: pairs, labeled: pairs, malformed: 0, failed: 0, stopped: "done" });
    // A rerun of the same version has nothing left to label.
    expect((await runLabeler({ labeler: oracle, source: "all" })).total).toBe(0);

    const stored = await database.prisma.label.findMany({ where: { labelerName: "oracle" } });
    expect(stored.every((l) => l.labelerKind === "automated" && l.labelerVersion === "table-1")).toBe(true);
    // The rates are the experts' as before; only the list of labelers one could choose has grown.
    const after = await dashboard();
    expect({ ...after, labelSources: [] }).toEqual({ ...before, labelSources: [] });
    expect(after.labelSources.map((s) => s.labeler)).toEqual(["oracle"]);
    // The oracle says GROUP where experts said SEPARATE: no new conflict to adjudicate.
    expect(await conflictPairs()).toEqual(conflictsBefore);

    const agreement = agreementSchema.parse(await (await get("/api/review/agreement")).json());
    const measured = agreement.automated.find((entry) => entry.labeler === "oracle")!;
    const compared = [...experts.entries()].map(([id, verdict]): [AutomatedVerdict, AutomatedVerdict] => [
      flipped.includes(id) ? "GROUP" : verdict,
      verdict,
    ]);
    const expected = cohensKappa(compared);
    expect(measured).toMatchObject({ labeled: pairs, n: experts.size, versions: ["table-1"], passes: true });
    expect(measured.kappa).toBeCloseTo(expected.kappa!, 12);
    const cell = (labeler: string, expertsSaid: string) =>
      measured.confusion.find((c) => c.labeler === labeler && c.experts === expertsSaid)!.count;
    expect(cell("GROUP", "SEPARATE")).toBe(2);
    expect(cell("SEPARATE", "GROUP")).toBe(0);
    expect(measured.confusion.reduce((sum, c) => sum + c.count, 0)).toBe(experts.size);
    // Automated labelers are not among the experts' pairwise kappas.
    expect(agreement.kappas.some((k) => k.a === "oracle" || k.b === "oracle")).toBe(false);
  });

  it("give the Overgrouping rates only when asked for and when the labeler's kappa passes", async () => {
    const fromOracle = await dashboard("oracle");
    expect(fromOracle.labels.source).toBe("oracle");
    expect(fromOracle.labels.kappa).toBeGreaterThanOrEqual(0.7);
    const oracleSample = await database.prisma.$queryRaw<{ labeled: number; separate: number }[]>`
      SELECT count(*)::int AS labeled, (count(*) FILTER (WHERE l.verdict = 'SEPARATE'))::int AS separate
        FROM labels l JOIN review_pairs rp ON rp.id = l.pair_id
       WHERE l.labeler_name = 'oracle' AND l.verdict <> 'UNSURE'
         AND rp.source = 'merge_sample' AND rp.merge_sample_probability IS NOT NULL`;
    const total = fromOracle.perModel.reduce((sum, m) => sum + m.overgrouping.labeled, 0);
    const wrong = fromOracle.perModel.reduce((sum, m) => sum + m.overgrouping.incorrect, 0);
    expect({ labeled: total, separate: wrong }).toEqual(oracleSample[0]);
    expect(fromOracle.labelSources.find((s) => s.labeler === "oracle")!.passes).toBe(true);

    // A labeler that says the opposite of the experts may not stand in for them.
    const contrarian = tableLabeler("contrarian", (pairId) => (experts.get(pairId) === "GROUP" ? "SEPARATE" : "GROUP"));
    await runLabeler({ labeler: contrarian, source: "all" });
    const refused = await get("/api/overgrouping?labels=contrarian");
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.message).toMatch(
      /^The labeler "contrarian" does not stand in for the experts: its kappa against them is -?\d\.\d{3} on \d+ pair\(s\)/,
    );
    const unknown = await get("/api/overgrouping?labels=nobody");
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.message).toContain('No automated labeler named "nobody"');
    // The drill-down refuses the same.
    expect((await get("/api/overgrouping/merges?labels=contrarian")).status).toBe(400);
  });
});
