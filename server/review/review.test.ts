import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/session";
import { setUpTestDatabase } from "../testing/test-environment";
import { fixtureModels } from "../testing/fixture-models";
import { signedInAs } from "../testing/users";
import { readLabeledPairs } from "../training/labels";
import { claimNextPair } from "./claims";
import { decisionPairs } from "./decision-pairs";
import { exportLabels, formatLabels } from "./export";
import { saveLabel, undoLastLabel } from "./labels";
import { getPairView } from "./pair-view";
import { uniformDraw } from "./random";
import { queueDisagreements } from "./sources/disagreements";
import { DEFAULT_MERGE_SAMPLE_SEED, sampleMerges } from "./sources/merge-sample";
import { closeness } from "./sources/near-threshold";
import { labelHandler } from "./http";
import { aPair, anEvent } from "./testing";

const database = setUpTestDatabase({ models: fixtureModels });
let project = 0;

async function newProject(): Promise<number> {
  project += 1;
  await database.prisma.project.create({
    data: { id: project, slug: `p${project}`, name: `Project ${project}`, platform: "python" },
  });
  return project;
}

/** An event the AI merged into `parent`'s hash, with its decision. */
async function aMerge(projectId: number, parent: number, model: string): Promise<number> {
  const prisma = database.prisma;
  const parentHash = (await prisma.event.findUniqueOrThrow({ where: { id: parent } })).hashes[0]!;
  const id = await anEvent(prisma, projectId, { text: "v1=1,0;v2=1,0" });
  await prisma.event.update({ where: { id }, data: { groupingMethod: "ai" } });
  await prisma.groupingDecision.create({
    data: {
      projectId,
      hash: `h${id}`,
      eventId: id,
      modelRequested: model,
      modelUsed: model,
      parentHash,
      distance: 0.001,
      threshold: 0.01,
      shouldGroup: true,
      latencyMs: 1,
    },
  });
  return id;
}

const user = (u: { id: number; email: string }, role: SessionUser["role"] = "labeler") =>
  ({ id: u.id, email: u.email, name: null, role }) as unknown as SessionUser;

describe("the random merge sample", () => {
  it("includes each merge of a stratum with exactly the stratum's stored probability, and keeps that rate as merges arrive", async () => {
    const p = await newProject();
    const parent = await anEvent(database.prisma, p, { text: "v1=1,0;v2=1,0" });
    const v1Merges: number[] = [];
    for (let i = 0; i < 40; i++) v1Merges.push(await aMerge(p, parent, "v1"));
    for (let i = 0; i < 4; i++) await aMerge(p, parent, "v2");

    const result = await sampleMerges({ perStratum: 10 });
    const v1 = result.strata.find((s) => s.projectId === p && s.model === "v1")!;
    const v2 = result.strata.find((s) => s.projectId === p && s.model === "v2")!;
    expect(v1).toMatchObject({ merges: 40, probability: 0.25 });
    expect(v2).toMatchObject({ merges: 4, probability: 1, sampled: 4 });

    const decisions = await database.prisma.groupingDecision.findMany({ where: { eventId: { in: v1Merges } } });
    const expected = decisions
      .filter((d) => uniformDraw(DEFAULT_MERGE_SAMPLE_SEED, `merge:${d.id}`) < 0.25)
      .map((d) => d.id)
      .sort();
    const pairs = await database.prisma.reviewPair.findMany({
      where: { projectId: p, source: "merge_sample", model: "v1" },
    });
    expect(pairs.map((pair) => pair.decisionId).sort()).toEqual(expected);
    for (const pair of pairs) expect(pair).toMatchObject({ mergeSampleProbability: 0.25, samplingWeight: 4 });

    // 40 more merges: the stratum keeps r = 0.25 (its pairs' rate), so no sampled pair leaves the sample.
    for (let i = 0; i < 40; i++) await aMerge(p, parent, "v1");
    const again = await sampleMerges({ perStratum: 10 });
    expect(again.strata.find((s) => s.projectId === p && s.model === "v1")).toMatchObject({
      merges: 80,
      probability: 0.25,
    });
    const after = await database.prisma.reviewPair.findMany({
      where: { projectId: p, source: "merge_sample", model: "v1" },
    });
    expect(after.length).toBeGreaterThanOrEqual(pairs.length);
    expect(after.every((pair) => pair.mergeSampleProbability === 0.25)).toBe(true);
  });

  it("takes a merge another source queued into the sample with its label, and stores each sampled merge once", async () => {
    const prisma = database.prisma;
    const p = await newProject();
    const parent = await anEvent(prisma, p, { text: "v1=1,0;v2=1,0" });
    const merges = [await aMerge(p, parent, "v2"), await aMerge(p, parent, "v2")];
    const queued = await prisma.reviewPair.create({
      data: { projectId: p, platform: "python", eventAId: parent, eventBId: merges[0]!, source: "disagreement" },
    });
    await prisma.label.create({ data: { pairId: queued.id, labelerName: "expert", verdict: "GROUP", blind: true } });

    const first = await sampleMerges({ perStratum: 10 });
    expect(first).toMatchObject({ created: 1, converted: 1 });
    const pairs = await prisma.reviewPair.findMany({
      where: { projectId: p },
      include: { labels: true },
      orderBy: { id: "asc" },
    });
    expect(pairs).toHaveLength(2);
    expect(pairs[0]).toMatchObject({ id: queued.id, source: "merge_sample", model: "v2", mergeSampleProbability: 1 });
    expect(pairs[0]!.labels).toHaveLength(1);
    expect(pairs[1]).toMatchObject({
      eventAId: parent,
      eventBId: merges[1],
      source: "merge_sample",
      platform: "python",
    });

    const again = await sampleMerges({ perStratum: 10 });
    expect(again).toMatchObject({ created: 0, converted: 0 });
    expect(await prisma.reviewPair.count({ where: { projectId: p } })).toBe(2);
  });
});

describe("pair sources, claims, labels", () => {
  it("queues v1/v2 disagreements with the parent of the model that would merge", async () => {
    const p = await newProject();
    const parent = await anEvent(database.prisma, p);
    const event = await anEvent(database.prisma, p);
    const parentHash = (await database.prisma.event.findUniqueOrThrow({ where: { id: parent } })).hashes[0]!;
    await database.prisma.groupingDecision.create({
      data: {
        projectId: p,
        hash: "x",
        eventId: event,
        modelRequested: "v1",
        modelUsed: "v1",
        threshold: 0.01,
        shouldGroup: false,
        latencyMs: 1,
        shadowModel: "v2",
        shadowParentHash: parentHash,
        shadowDistance: 0.03,
        shadowShouldGroup: true,
      },
    });
    expect(await queueDisagreements(await decisionPairs(p))).toBe(1);
    const pair = await database.prisma.reviewPair.findFirstOrThrow({ where: { projectId: p } });
    expect(pair).toMatchObject({
      source: "disagreement",
      model: "v2",
      eventAId: Math.min(parent, event),
      eventBId: Math.max(parent, event),
    });
    expect(await queueDisagreements(await decisionPairs(p))).toBe(0); // never queued twice
  });

  it("hands two labelers asking at once different pairs, and undo brings a labeled pair back", async () => {
    const p = await newProject();
    for (let i = 0; i < 3; i++) {
      const a = await anEvent(database.prisma, p, { text: "v1=1,0;v2=0.6,0.8" });
      const b = await anEvent(database.prisma, p, { text: "v1=0.8,0.6;v2=1,0" });
      await database.prisma.reviewPair.create({
        data: { projectId: p, platform: "python", eventAId: a, eventBId: b, source: "manual" },
      });
    }
    const [ann, bob] = [user(await signedInAs("labeler")), user(await signedInAs("labeler"))];
    const query = { project: p, queue: "pending" as const, exclude: [] };
    const [first, second] = await Promise.all([claimNextPair(ann, query), claimNextPair(bob, query)]);
    expect(first.pairId).not.toBeNull();
    expect(second.pairId).not.toBeNull();
    expect(first.pairId).not.toBe(second.pairId);

    const view = await getPairView(ann, first.pairId!, { blind: true });
    expect(view.decisions).toBeNull();
    const saved = await saveLabel(ann, first.pairId!, {
      verdict: "SEPARATE",
      reason: "Different crash site",
      note: null,
    });
    // v1: cos(1,0 · .8,.6) = .8 → 0.2; v2: cos(.6,.8 · 1,0) = .6 → 0.4 (fixture thresholds .01 / .05)
    expect(saved.decisions.map((d) => [d.model, Number(d.distance!.toFixed(6)), d.wouldMerge])).toEqual([
      ["v1", 0.2, false],
      ["v2", 0.4, false],
    ]);
    expect((await getPairView(ann, first.pairId!, { blind: true })).decisions).not.toBeNull();

    expect(await undoLastLabel(ann)).toEqual({ undone: { pairId: first.pairId, verdict: "SEPARATE" } });
    const pair = await database.prisma.reviewPair.findUniqueOrThrow({ where: { id: first.pairId! } });
    expect(pair.claimedBy).toBe(ann.id);
    expect(await database.prisma.label.count({ where: { pairId: first.pairId! } })).toBe(0);
  });

  it("exports majority labels in the format the trainer reads", async () => {
    const p = await newProject();
    const a = await anEvent(database.prisma, p, { text: 'TypeError: a\n  File "x.py", function f' });
    const b = await anEvent(database.prisma, p, { text: 'TypeError: b\n  File "y.py", function g' });
    const pair = await database.prisma.reviewPair.create({
      data: {
        projectId: p,
        platform: "python",
        eventAId: a,
        eventBId: b,
        source: "manual",
        v1Distance: 0.3,
        v2Distance: 0.1,
      },
    });
    const [ann, bob, cy] = [
      user(await signedInAs("labeler")),
      user(await signedInAs("labeler")),
      user(await signedInAs("labeler")),
    ];
    await saveLabel(ann, pair.id, { verdict: "GROUP", reason: null, note: null });
    await saveLabel(bob, pair.id, { verdict: "GROUP", reason: null, note: null });
    await saveLabel(cy, pair.id, { verdict: "UNSURE", reason: null, note: null });
    const rows = await exportLabels({ project: p });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      label: "GROUP",
      platform: "python",
      project: p,
      v1_distance: 0.3,
      v2_distance: 0.1,
      labelers: [ann.email, bob.email, cy.email].sort(),
    });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "labels-")), "labels.jsonl");
    fs.writeFileSync(file, formatLabels(rows, "jsonl"));
    const { set, skipped } = await readLabeledPairs(file);
    expect(skipped).toBe(0);
    expect(set.pairs).toHaveLength(1);
    expect(set.pairs[0]).toMatchObject({ group: true, platform: "python", project: String(p) });
    expect(formatLabels(rows, "csv").split("\r\n")[0]).toContain("query_text");
  });

  it("weights near-threshold pairs by closeness", () => {
    expect(closeness(0.2, 0.2, 0.05)).toBe(1);
    expect(closeness(0.225, 0.2, 0.05)).toBeCloseTo(0.5, 12);
    expect(closeness(0.3, 0.2, 0.05)).toBe(0);
  });
});

describe("blind labels", () => {
  const labelBlindness = async (pairId: number, labelerId: number) =>
    (await database.prisma.label.findFirstOrThrow({ where: { pairId, labelerId } })).blind;

  it("records a label as blind only when the pair was served blind and its decisions were not shown since", async () => {
    const p = await newProject();
    for (let i = 0; i < 2; i++) await aPair(database.prisma, p);
    const ann = user(await signedInAs("labeler"));
    const query = { project: p, queue: "pending" as const, exclude: [] };

    const blindPair = (await claimNextPair(ann, { ...query, blind: true })).pairId!;
    expect((await getPairView(ann, blindPair, { blind: true })).decisions).toBeNull();
    await saveLabel(ann, blindPair, { verdict: "GROUP", reason: null, note: null });
    expect(await labelBlindness(blindPair, ann.id)).toBe(true);

    const peeked = (await claimNextPair(ann, { ...query, blind: true })).pairId!;
    expect((await getPairView(ann, peeked, { blind: false })).decisions).not.toBeNull();
    await saveLabel(ann, peeked, { verdict: "SEPARATE", reason: null, note: null });
    expect(await labelBlindness(peeked, ann.id)).toBe(false);
  });

  it("ignores a client that calls its label blind", async () => {
    const p = await newProject();
    const pairId = await aPair(database.prisma, p);
    const bob = await signedInAs("labeler");
    const response = await labelHandler(
      new Request(`http://localhost/api/review/pairs/${pairId}/labels`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: bob.cookie },
        body: JSON.stringify({ verdict: "GROUP", blind: true }),
      }),
      { params: Promise.resolve({ id: String(pairId) }) },
    );
    expect(response.status).toBe(200);
    expect(await labelBlindness(pairId, bob.id)).toBe(false);
  });

  it("undoes a label once when two undos arrive at once", async () => {
    const p = await newProject();
    const [first, second] = [await aPair(database.prisma, p), await aPair(database.prisma, p)];
    const cy = user(await signedInAs("labeler"));
    await saveLabel(cy, first, { verdict: "GROUP", reason: null, note: null });
    await saveLabel(cy, second, { verdict: "SEPARATE", reason: null, note: null });
    const undone = await Promise.all([undoLastLabel(cy), undoLastLabel(cy)]);
    // On PostgreSQL the second undo finds the first's label gone (null); the embedded database runs transactions
    // one after the other, so there the second undoes the next label. Never an error, never one label twice.
    const pairs = undone.map((result) => result.undone?.pairId ?? null);
    expect(pairs[0]).toBe(second);
    expect(pairs[1] === null || pairs[1] === first).toBe(true);
    const auditRows = await database.prisma.auditEntry.count({ where: { action: "label.undo", actorId: cy.id } });
    expect(auditRows).toBe(pairs.filter((pair) => pair !== null).length);
  });
});
