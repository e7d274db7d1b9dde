import { describe, expect, it } from "vitest";
import { pythonErrorEvent, type PythonEventOptions } from "../testing/events";
import { fixtureModels } from "../testing/fixture-models";
import { projectMaker } from "../testing/ingest-projects";
import { moveProjectToV2 } from "../testing/rollout";
import { setUpTestDatabase } from "../testing/test-environment";
import { ingestBatch } from "./batch";
import { BatchRaced, ingestNewHashes } from "./batch-new-hashes";
import { ingestEvent, prepareEvent } from "./pipeline";
import type { IngestProject } from "./types";

// Fixture models: same "Type: value" → the same embedding, so the AI step merges deterministically.
const database = setUpTestDatabase({ models: fixtureModels });
const project = projectMaker(database, 300, "b");

const KNOWN: PythonEventOptions = { type: "ValueError", value: "bad", functions: ["main", "known"] };

/**
 * A project on v2 with one issue that only v1 has indexed (it was created on v1), and a batch for it: repeats of that
 * issue (its hash is backfilled into v2 by a training call, once), new traces (two of them with one "Type: value",
 * which the AI step merges), a repeat of a new trace, and one more unique trace.
 */
async function projectOnV2WithV1Issue(): Promise<IngestProject> {
  const p = await project();
  await ingestEvent(p, pythonErrorEvent(KNOWN));
  await moveProjectToV2(database, p.id);
  return p;
}

const batchEvents = (): PythonEventOptions[] => [
  KNOWN,
  { type: "KeyError", value: "'user'", functions: ["main", "load"] },
  { type: "KeyError", value: "'user'", functions: ["worker", "load_again"] },
  KNOWN,
  { type: "KeyError", value: "'user'", functions: ["main", "load"] },
  { type: "OSError", value: "disk full", functions: ["main", "write"] },
];

/** What a user sees of a project's grouping, independent of ids and times. */
async function groupingOf(projectId: number) {
  const groups = await database.prisma.group.findMany({
    where: { projectId },
    include: { _count: { select: { events: true } } },
  });
  const events = await database.prisma.event.findMany({ where: { projectId }, orderBy: { id: "asc" } });
  const hashes = await database.prisma.groupHash.findMany({ where: { projectId }, orderBy: { id: "asc" } });
  const decisions = await database.prisma.groupingDecision.findMany({ where: { projectId }, orderBy: { id: "asc" } });
  const titleOf = new Map(groups.map((group) => [group.id, group.title]));
  return {
    issues: groups.map((group) => `${group.title} ×${group.timesSeen} (${group._count.events} stored)`).sort(),
    events: events.map((event) => `${event.title} → ${titleOf.get(event.groupId)} by ${event.groupingMethod}`),
    hashes: hashes.map((hash) => ({
      issue: titleOf.get(hash.groupId),
      modelRequested: hash.seerModelRequested,
      matched: hash.seerMatchedHash !== null,
      latestTrainingModel: hash.latestTrainingModel,
    })),
    decisions: decisions.map((decision) => ({
      trainingMode: decision.trainingMode,
      modelRequested: decision.modelRequested,
      modelUsed: decision.modelUsed,
      fallback: decision.fallback,
      shouldGroup: decision.shouldGroup,
      inserted: decision.inserted,
      shadowModel: decision.shadowModel,
      // The event a decision was made for, by its title (a training call's decision has none).
      event: decision.eventId === null ? null : events.find((event) => event.id === decision.eventId)?.title,
    })),
  };
}

describe("a batch of events", () => {
  it("is grouped as the per-event pipeline groups its events one by one: issues, hashes, training marks, decisions", async () => {
    const [oneByOne, batched] = [await projectOnV2WithV1Issue(), await projectOnV2WithV1Issue()];
    for (const options of batchEvents()) await ingestEvent(oneByOne, pythonErrorEvent(options));
    const now = new Date();
    const prepared = await Promise.all(
      batchEvents().map((options) => prepareEvent(batched, pythonErrorEvent(options), now)),
    );
    const results = await ingestBatch(prepared);
    expect(results.map((result) => result.method)).toEqual([
      "fingerprint",
      "new",
      "ai",
      "fingerprint",
      "fingerprint",
      "new",
    ]);

    const expected = await groupingOf(oneByOne.id);
    expect(await groupingOf(batched.id)).toEqual(expected);
    // What the comparison covers: the v1 issue was backfilled into v2 once, and the merge was v2's own decision.
    expect(expected.hashes[0]).toMatchObject({ latestTrainingModel: "v2" });
    expect(expected.decisions.filter((decision) => decision.trainingMode)).toHaveLength(1);
    expect(expected.decisions.some((decision) => decision.shouldGroup && decision.modelUsed === "v2")).toBe(true);
    expect(expected.issues).toHaveLength(3);
  });

  it("groups a project's long run of new traces in parts, each finding what the parts before it stored", async () => {
    // 64 new traces fill the first part; then a repeat of the first (its hash is known by now: no AI step, no
    // decision) and a trace with the second one's "Type: value" (the AI step merges it), then more new ones.
    const longRun: PythonEventOptions[] = Array.from({ length: 64 }, (_, i) => ({
      type: `Error${i}`,
      value: "v",
      functions: ["main", `step${i}`],
    }));
    longRun.push(longRun[0]!, { type: "Error1", value: "v", functions: ["worker", "other"] });
    for (let i = 64; i < 68; i += 1) longRun.push({ type: `Error${i}`, value: "v", functions: ["main", `step${i}`] });
    const [oneByOne, batched] = [await project(), await project()];
    for (const options of longRun) await ingestEvent(oneByOne, pythonErrorEvent(options));
    const now = new Date();
    const prepared = await Promise.all(longRun.map((options) => prepareEvent(batched, pythonErrorEvent(options), now)));
    const results = await ingestBatch(prepared);
    expect(results.slice(63, 67).map((result) => result.method)).toEqual(["new", "fingerprint", "ai", "new"]);
    expect(await groupingOf(batched.id)).toEqual(await groupingOf(oneByOne.id));
  });

  it("answers a known-issue event that a concurrent batch stored first as a duplicate of that copy", async () => {
    const p = await project();
    const known = await ingestEvent(p, pythonErrorEvent(KNOWN));
    const repeat = await prepareEvent(p, pythonErrorEvent({ ...KNOWN, id: "e".repeat(32) }), new Date());
    // Both batches look for the event id before either writes it: one stores it, the other's insert is skipped.
    const answers = (await Promise.all([ingestBatch([repeat], fixtureModels), ingestBatch([repeat], fixtureModels)]))
      .flat()
      .map((answer) => ({ groupId: answer.groupId, duplicate: answer.duplicate, method: answer.method }));
    expect(answers.sort((a, b) => Number(a.duplicate) - Number(b.duplicate))).toEqual([
      { groupId: known.groupId, duplicate: false, method: "fingerprint" },
      { groupId: known.groupId, duplicate: true, method: "fingerprint" },
    ]);
    expect(await groupingOf(p.id)).toMatchObject({ issues: ["ValueError: bad ×2 (2 stored)"] });
  });

  it("rolls a run back as a whole when one of its event ids was stored meanwhile", async () => {
    const p = await project();
    const [first, second] = await Promise.all(
      [
        { type: "TypeError", value: "first", functions: ["main", "a"] },
        { type: "TypeError", value: "second", functions: ["main", "b"] },
      ].map((options) => prepareEvent(p, pythonErrorEvent(options), new Date())),
    );
    // Another request stores the second event between the batch's first look and its write.
    await ingestEvent(p, second!.stored);
    const before = await groupingOf(p.id);

    await expect(ingestNewHashes([first!, second!], () => undefined, fixtureModels)).rejects.toBeInstanceOf(BatchRaced);
    // Nothing of the run was written: not the first event, its issue, its hash or its decision.
    expect(await groupingOf(p.id)).toEqual(before);
  });
});
