import { parseEvent } from "@/engine/event/schema";
import type { Database } from "../db/client";
import { invalidateProjectGroupingFlags } from "../ingest/flags";
import { ingestEvent } from "../ingest/pipeline";
import type { IngestProject } from "../ingest/types";
import { sampleMerges } from "../review/sources/merge-sample";
import { appErrorEvent } from "../testing/events";

/**
 * A small world for the Overgrouping tests, built through the real pipeline with the fixture models (same exception
 * header → distance 0): AI merges by v1 and v2, a v1 fallback
 * merge on a v2 project, new issues, an event never sent to the AI step, over three days and two platforms; then the
 * random merge sample (sampleMerges) and labels with majorities, UNSURE and a tie; plus rows that must never count
 * (a labeled near-threshold pair, a read-only decision).
 */
export async function seedOvergroupingWorld(database: Database): Promise<void> {
  const { prisma } = database;
  const projects: IngestProject[] = [];
  const v2Projects: number[] = [];
  for (const [id, platform, model] of [
    [901, "python", "v1"],
    [902, "python", "v2"],
    [903, "javascript", "v1"],
  ] as const) {
    const created = await prisma.project.create({ data: { id, slug: `og-${id}`, name: `Project ${id}`, platform } });
    projects.push({ id, publicKey: created.publicKey, platform });
    if (model === "v2") v2Projects.push(id);
  }
  const days = [new Date("2026-03-01T10:00:00Z"), new Date("2026-03-02T10:00:00Z"), new Date("2026-03-03T10:00:00Z")];
  let serial = 0;
  const send = (project: IngestProject, value: string, dayIndex: number) =>
    ingestEvent(project, appErrorEvent(project.platform, value, `f${(serial += 1)}`), {
      now: days[dayIndex % days.length],
    });

  // An issue indexed by v1 alone, before its project moves to v2: v2 will not find it, v1 will (fallback merge).
  const v2Project = projects[1]!;
  await send(v2Project, "indexed before the move", 0);
  for (const id of v2Projects)
    await prisma.featureFlag.create({ data: { projectId: id, key: "grouping_model", value: "v2" } });
  // Written straight to the table, so ingest's flag cache is told, as the console's flag change tells it.
  await invalidateProjectGroupingFlags(v2Projects);
  await send(v2Project, "indexed before the move", 1);

  for (const project of projects) {
    for (let cluster = 0; cluster < 4; cluster++) {
      // Each cluster: a new issue, then 2–5 events by other paths that the AI merges into it.
      for (let member = 0; member < 2 + ((cluster + project.id) % 4); member++)
        await send(project, `cluster ${cluster}`, member + cluster);
    }
    for (let lone = 0; lone < 3; lone++) await send(project, `lone ${lone}`, lone);
    const bare = parseEvent({ platform: project.platform, message: "no stack trace" });
    if (bare.ok) await ingestEvent(project, bare.event, { now: days[0] });
  }
  await sampleMerges({ perStratum: 4, seed: "overgrouping-test" });

  const samplePairs = await prisma.reviewPair.findMany({ where: { source: "merge_sample" }, orderBy: { id: "asc" } });
  for (const [index, pair] of samplePairs.entries()) {
    const verdicts = labelPattern(index);
    for (const [labeler, verdict] of verdicts.entries()) {
      await prisma.label.create({ data: { pairId: pair.id, labelerName: `labeler-${labeler}`, verdict } });
    }
  }
  const distances = [0.001, 0.004, 0.02, 0.03, 0.2, 0.6];
  for (const [index, pair] of samplePairs.entries()) {
    await prisma.reviewPair.update({
      where: { id: pair.id },
      data: { v1Distance: distances[index % 6]!, v2Distance: distances[(index + 2) % 6]! },
    });
  }

  // Never counted: a hard (near-threshold) pair, labeled wrong twice; a read-only decision on a stored event.
  const [a, b] = await prisma.event.findMany({ where: { projectId: 901 }, orderBy: { id: "asc" }, take: 2 });
  const hard = await prisma.reviewPair.create({
    data: {
      projectId: 901,
      platform: "python",
      eventAId: a!.id,
      eventBId: b!.id,
      source: "near_threshold",
      model: "v1",
      v1Distance: 0.005,
      v2Distance: 0.04,
    },
  });
  await prisma.label.create({ data: { pairId: hard.id, labelerName: "labeler-0", verdict: "SEPARATE" } });
  await prisma.groupingDecision.create({
    data: {
      projectId: 901,
      hash: "read-only",
      eventId: a!.id,
      modelRequested: "v1",
      modelUsed: "v1",
      threshold: 0.01,
      shouldGroup: true,
      readOnly: true,
      latencyMs: 1,
    },
  });
}

/** Labels of the n-th sample pair: mostly right merges, some wrong, some with UNSURE, a tie now and then. */
function labelPattern(index: number): ("GROUP" | "SEPARATE" | "UNSURE")[] {
  switch (index % 7) {
    case 0:
      return ["SEPARATE"];
    case 1:
      return ["GROUP", "UNSURE"];
    case 2:
      return ["GROUP", "SEPARATE"]; // a tie: no verdict
    case 3:
      return ["SEPARATE", "SEPARATE", "GROUP"];
    case 4:
      return ["UNSURE"]; // nobody sure: no verdict
    default:
      return ["GROUP"];
  }
}
