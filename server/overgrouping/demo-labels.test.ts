import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestDatabase } from "../testing/test-environment";
import { fixtureModels } from "../testing/fixture-models";
import { labelMergeSampleFromGroundTruth } from "./demo-labels";
import { seedOvergroupingWorld } from "./seed-fixture";

const database = setUpTestDatabase({ models: fixtureModels });
beforeAll(async () => {
  await seedOvergroupingWorld(database);
});

describe("labelMergeSampleFromGroundTruth", () => {
  it("labels each merge-sample pair GROUP when both events share a root cause, SEPARATE otherwise, once per rerun", async () => {
    const { prisma } = database;
    const sample = await prisma.reviewPair.findMany({
      where: { source: "merge_sample" },
      select: { id: true, eventA: { select: { eventId: true } }, eventB: { select: { eventId: true } } },
      orderBy: { id: "asc" },
    });
    // Ground truth: every event its own cluster, except that the first sample pair's events share a root cause.
    const truth = new Map(
      (await prisma.event.findMany({ select: { eventId: true } })).map((e) => [e.eventId, `rc-${e.eventId}`]),
    );
    truth.set(sample[0]!.eventB.eventId, `rc-${sample[0]!.eventA.eventId}`);
    truth.delete(sample[1]!.eventB.eventId); // the merged event: in this pair only

    const first = await labelMergeSampleFromGroundTruth(truth, "corpus-ground-truth");
    expect(first).toEqual({ labeled: sample.length - 1, group: 1, separate: sample.length - 2, unknown: 1 });
    const again = await labelMergeSampleFromGroundTruth(truth, "corpus-ground-truth");
    expect(again).toEqual(first);

    const labels = await prisma.label.findMany({
      where: { labelerName: "corpus-ground-truth" },
      orderBy: { pairId: "asc" },
    });
    expect(labels).toHaveLength(sample.length - 1);
    expect(labels.every((label) => label.labelerId === null)).toBe(true);
    // A simulated expert: counted as an expert's label, and saying so.
    expect(labels.every((label) => label.labelerKind === "simulated_expert")).toBe(true);
    expect(labels.find((label) => label.pairId === sample[0]!.id)!.verdict).toBe("GROUP");
    expect(labels.some((label) => label.pairId === sample[1]!.id)).toBe(false);
    // Hard-case pairs are not the sample: never labeled by it.
    const hard = await prisma.reviewPair.findFirstOrThrow({ where: { source: "near_threshold" } });
    expect(labels.some((label) => label.pairId === hard.id)).toBe(false);
  });
});
